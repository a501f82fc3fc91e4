// A model's evaluation as the literature reports it: for each share n of the evaluation months' declarations
// inspected by score, precision@n (with its 95 % interval), recall@n and revenue@n of the model beside those of an
// actual seeded random selection of the same size and what a random selection achieves on average (the fraud share;
// n %), and revenue@n without the largest 1 % of rows by revenue.
import { getFormatter, getTranslations } from "next-intl/server";
import type { RankingEvaluation } from "@/lib/risk/selection-metrics";
import { selectivityFormat } from "@/components/selectivity/selectivity-format";
import { TableFrame } from "@/components/ui/table-frame";

const th = "px-3 py-2 text-right text-xs font-semibold text-slate-600";
const td = "px-3 py-2 text-right text-sm tabular-nums text-slate-800";

export async function EvaluationTable({ evaluation, caption }: { evaluation: RankingEvaluation; caption: string }) {
  const [t, format] = await Promise.all([getTranslations("risk.evaluation"), getFormatter()]);
  const f = selectivityFormat(format, await getTranslations("contracts"));
  return (
    <TableFrame caption={caption} testId="evaluation-table" smallText={false}>
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" rowSpan={2} className={`${th} text-left`}>
            {t("n")}
          </th>
          <th scope="col" rowSpan={2} className={th}>
            {t("k")}
          </th>
          <th scope="colgroup" colSpan={3} className={`${th} text-center`}>
            {t("precision")}
          </th>
          <th scope="colgroup" colSpan={3} className={`${th} text-center`}>
            {t("recall")}
          </th>
          <th scope="colgroup" colSpan={3} className={`${th} text-center`}>
            {t("revenue")}
          </th>
        </tr>
        <tr>
          <th scope="col" className={th}>
            {t("model")}
          </th>
          <th scope="col" className={th}>
            {t("random")}
          </th>
          <th scope="col" className={th}>
            {t("fraudShare")}
          </th>
          <th scope="col" className={th}>
            {t("model")}
          </th>
          <th scope="col" className={th}>
            {t("random")}
          </th>
          <th scope="col" className={th}>
            {t("expected")}
          </th>
          <th scope="col" className={th}>
            {t("model")}
          </th>
          <th scope="col" className={th}>
            {t("random")}
          </th>
          <th scope="col" className={th}>
            {t("withoutLargest")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {evaluation.perN.map((r) => (
          <tr key={r.n} data-n={r.n}>
            <th scope="row" className={`${td} text-left font-medium`}>
              {t("nValue", { n: r.n })}
            </th>
            <td className={td}>{f.count(r.k)}</td>
            <td className={td}>
              <span className="font-semibold" data-testid={`precision-${r.n}`}>
                {f.percent(r.model.precision)}
              </span>
              {r.precisionInterval ? (
                <span className="block text-xs font-normal text-slate-500" data-testid={`interval-${r.n}`}>
                  {t("interval", { lo: f.percent(r.precisionInterval[0]), hi: f.percent(r.precisionInterval[1]) })}
                </span>
              ) : null}
            </td>
            <td className={td} data-testid={`random-precision-${r.n}`}>
              {f.percent(r.random.precision)}
            </td>
            <td className={td}>{f.percent(r.expectedRandom.precision)}</td>
            <td className={`${td} font-semibold`} data-testid={`recall-${r.n}`}>
              {f.percent(r.model.recall)}
            </td>
            <td className={td}>{f.percent(r.random.recall)}</td>
            <td className={td}>{f.percent(r.expectedRandom.recall)}</td>
            <td className={td} data-testid={`revenue-${r.n}`}>
              {f.percent(r.model.revenue)}
            </td>
            <td className={td}>{f.percent(r.random.revenue)}</td>
            <td className={td} data-testid={`revenue-without-${r.n}`}>
              {f.percent(r.model.revenueWithoutLargest ?? null)}
            </td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
