// The drift watch of one model: for each month after its training window, the population stability index of the
// scores and of the main factors of the top 5 % against the training rows, the level it reads as, and the precision
// that top actually had; a suggestion to retrain when a month drifted (lib/risk/risk-drift.ts).
import { getFormatter, getTranslations } from "next-intl/server";
import type { DriftCheckView } from "@/lib/risk/risk-drift";
import { MIN_TOP_ROWS, PSI_LEVELS, TOP_SHARE } from "@/lib/risk/population-stability";
import { selectionSize } from "@/lib/risk/selection-metrics";
import { selectivityFormat } from "@/components/selectivity/selectivity-format";
import { formatMonth } from "@/components/format/kpi-format";
import { TableFrame } from "@/components/ui/table-frame";
import { Notice } from "@/components/ui/notice";

const cellHead = "px-3 py-2 text-xs font-semibold text-slate-600";
const th = `${cellHead} text-right`;
const cell = "px-3 py-2 text-sm tabular-nums text-slate-800";
const td = `${cell} text-right`;
const LEVEL_CLASSES: Record<string, string> = {
  stable: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  watch: "bg-amber-50 text-amber-800 ring-amber-200",
  drift: "bg-red-50 text-red-800 ring-red-200",
  insufficient: "bg-slate-50 text-slate-600 ring-slate-200",
};

export async function DriftPanel({
  checks,
  referenceTopFactors,
}: {
  checks: DriftCheckView[];
  referenceTopFactors: Record<string, number> | null;
}) {
  const [t, tf, format] = await Promise.all([
    getTranslations("risk.drift"),
    getTranslations("risk.factors"),
    getFormatter(),
  ]);
  const f = selectivityFormat(format, await getTranslations("contracts"));
  const psi = (v: number) => format.number(v, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const factorName = (factor: string) => (factor === "none" ? t("noFactor") : tf(`names.${factor}`));
  const topFactors = (shares: Record<string, number>) =>
    Object.entries(shares)
      .sort(([, a], [, b]) => b - a)
      .slice(0, 3)
      .map(([factor, share]) => t("factorShare", { factor: factorName(factor), share: f.percent(share) }))
      .join(", ");
  const drifted = checks.filter((c) => c.level === "drift");
  return (
    <div className="space-y-3">
      {drifted.length ? (
        <Notice tone="warning">
          <span data-testid="drift-warning">
            {t("retrain", { months: drifted.map((c) => formatMonth(format, c.month)).join(", ") })}
          </span>
        </Notice>
      ) : null}
      {referenceTopFactors ? (
        <p className="max-w-4xl text-sm leading-relaxed text-slate-700">
          {t("reference", { factors: topFactors(referenceTopFactors) })}
        </p>
      ) : null}
      {checks.length ? (
        <TableFrame caption={t("caption")} testId="drift-table" smallText={false}>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={`${cellHead} text-left`}>
                {t("month")}
              </th>
              <th scope="col" className={th}>
                {t("rows")}
              </th>
              <th scope="col" className={th}>
                {t("scorePsi")}
              </th>
              <th scope="col" className={th}>
                {t("factorPsi")}
              </th>
              <th scope="col" className={`${cellHead} text-left`}>
                {t("level")}
              </th>
              <th scope="col" className={th}>
                {t("precision")}
              </th>
              <th scope="col" className={`${cellHead} text-left`}>
                {t("topFactors")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {checks.map((c) => (
              <tr key={c.month} data-month={c.month} data-level={c.level}>
                <th scope="row" className={`${cell} text-left font-medium`}>
                  {formatMonth(format, c.month)}
                </th>
                <td className={td}>{f.count(c.rows)}</td>
                <td className={td}>{psi(c.scorePsi)}</td>
                <td className={td}>
                  {selectionSize(c.rows, TOP_SHARE) >= MIN_TOP_ROWS ? (
                    psi(c.factorPsi)
                  ) : (
                    <span className="text-slate-400" title={t("notJudged")}>
                      {psi(c.factorPsi)}*
                    </span>
                  )}
                </td>
                <td className={`${cell} text-left`}>
                  <span
                    className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${LEVEL_CLASSES[c.level] ?? LEVEL_CLASSES.insufficient}`}
                  >
                    {t(`levels.${c.level}` as never)}
                  </span>
                </td>
                <td className={td}>{f.percent(c.precisionAt5)}</td>
                <td className={`${cell} text-left text-xs`}>{topFactors(c.topFactors)}</td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
          {t("empty")}
        </p>
      )}
      <p className="text-xs leading-relaxed text-slate-600">
        {t("legend", { watch: psi(PSI_LEVELS.watch), drift: psi(PSI_LEVELS.drift), top: MIN_TOP_ROWS })}
      </p>
    </div>
  );
}
