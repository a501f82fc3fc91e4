// How the model's options were chosen: the rolling time folds inside the training window, the chosen smoothing,
// penalty and interactions with their precision@5 % on each fold, and the best of each interaction setting, so the
// reader sees what the interactions bring (lib/risk/time-split-selection.ts).
import { getFormatter, getTranslations } from "next-intl/server";
import type { OptionSelection } from "@/lib/risk/time-split-selection";
import { selectivityFormat } from "@/components/selectivity/selectivity-format";
import { TableFrame } from "@/components/ui/table-frame";

const cellHead = "px-3 py-2 text-xs font-semibold text-slate-600";
const th = `${cellHead} text-right`;
const cell = "px-3 py-2 text-sm tabular-nums text-slate-800";
const td = `${cell} text-right`;

export async function OptionSelectionTable({ selection }: { selection: OptionSelection }) {
  const [t, format] = await Promise.all([getTranslations("risk.selection"), getFormatter()]);
  const f = selectivityFormat(format, await getTranslations("contracts"));
  const best = (["none", "hs6Origin", "hs6Route"] as const)
    .map((interactions) =>
      selection.candidates
        .filter((c) => c.interactions === interactions)
        .reduce<(typeof selection.candidates)[number] | null>(
          (b, c) => (!b || c.meanPrecisionAt5 > b.meanPrecisionAt5 ? c : b),
          null,
        ),
    )
    .filter((c) => c !== null);
  const chosen = selection.chosen;
  return (
    <div className="space-y-3">
      <p className="max-w-4xl text-sm leading-relaxed text-slate-700" data-testid="selection-chosen">
        {chosen
          ? t("chosen", {
              m: format.number(chosen.m),
              l2: format.number(chosen.l2),
              interactions: t(`interactions.${chosen.interactions}`),
              folds: selection.folds.length,
              candidates: selection.candidates.length,
            })
          : t("defaults")}
      </p>
      {selection.folds.length ? (
        <TableFrame caption={t("caption")} testId="selection-table" smallText={false}>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={`${cellHead} text-left`}>
                {t("setting")}
              </th>
              {selection.folds.map((fold) => (
                <th key={fold.valid.from} scope="col" className={th}>
                  {t("fold", {
                    trainFrom: fold.train.from,
                    trainTo: fold.train.to,
                    validFrom: fold.valid.from,
                    validTo: fold.valid.to,
                  })}
                  <span className="block font-normal text-slate-500">
                    {t("foldRows", { rows: f.count(fold.valid.rows), positives: f.count(fold.valid.positives) })}
                  </span>
                </th>
              ))}
              <th scope="col" className={th}>
                {t("mean")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {best.map((c) => {
              const isChosen =
                chosen && c.m === chosen.m && c.l2 === chosen.l2 && c.interactions === chosen.interactions;
              return (
                <tr
                  key={c.interactions}
                  aria-current={isChosen ? "true" : undefined}
                  className="aria-[current=true]:bg-brand-50"
                >
                  <th scope="row" className={`${cell} text-left font-medium`}>
                    {t("candidate", {
                      interactions: t(`interactions.${c.interactions}`),
                      m: format.number(c.m),
                      l2: format.number(c.l2),
                    })}
                  </th>
                  {c.precisionAt5.map((p, i) => (
                    <td key={i} className={td}>
                      {f.percent(p)}
                    </td>
                  ))}
                  <td className={`${td} font-semibold`}>{f.percent(c.meanPrecisionAt5)}</td>
                </tr>
              );
            })}
          </tbody>
        </TableFrame>
      ) : null}
      <p className="text-xs leading-relaxed text-slate-600">{t("legend")}</p>
    </div>
  );
}
