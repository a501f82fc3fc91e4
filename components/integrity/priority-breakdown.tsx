// Why a subject stands where it does in the work queue: per method, the evidence of its strongest counted flag (as a
// p-value), the share of the window it covers and the method's weight, then the recurrence over the window's months,
// the revenue at stake and the priority they make (docs/indicators.md "Triage: the work queue").
import { getFormatter, getTranslations } from "next-intl/server";
import type { SubjectRow } from "@/lib/integrity/rank-subjects";
import { methodStrength } from "@/lib/integrity/triage-priority";
import { TableFrame, TableHead } from "@/components/ui/table-frame";
import { formatMoney, formatPValue } from "@/components/integrity/triage-format";

const th = "px-3 py-2.5";

export async function PriorityBreakdown({
  row,
  weights,
  months,
  rolledUp,
}: {
  row: SubjectRow;
  weights: Record<string, number>;
  months: number;
  // Whether some of its flags are a declaration's, counted for this broker or importer by their concentration.
  rolledUp: boolean;
}) {
  const [t, ti, format] = await Promise.all([
    getTranslations("triage.breakdown"),
    getTranslations("integrity"),
    getFormatter(),
  ]);
  const number = (v: number, digits = 2) => format.number(v, { maximumFractionDigits: digits });
  const methods = Object.keys(row.evidence).sort();
  return (
    <section aria-labelledby="breakdown-title" className="space-y-3" data-testid="priority-breakdown">
      <h2 id="breakdown-title" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{row.tier ? t("tierSurvives") : t("tierNone")}</p>
      {rolledUp ? <p className="text-sm text-slate-600">{t("rolledUp")}</p> : null}
      <TableFrame caption={t("title")}>
        <TableHead>
          <th scope="col" className={th}>
            {t("method")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("pValue")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("strength")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("coverage")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("weight")}
          </th>
        </TableHead>
        <tbody className="divide-y divide-slate-100">
          {methods.map((m) => (
            <tr key={m} data-method={m}>
              <td className="px-3 py-2">{ti.has(`methods.${m}` as never) ? ti(`methods.${m}` as never) : m}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatPValue(format, -row.evidence[m]!)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{number(methodStrength(row.evidence[m]!))}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {format.number(row.coverage[m] ?? 0, { style: "percent", maximumFractionDigits: 0 })}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{number(weights[m] ?? 1)}</td>
            </tr>
          ))}
        </tbody>
      </TableFrame>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">{t("strengthTotal")}</dt>
          <dd className="font-medium tabular-nums text-slate-900">{number(row.strength)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("recurrence")}</dt>
          <dd className="font-medium tabular-nums text-slate-900">
            {t("recurrenceValue", { flagged: Math.round(row.recurrence * months), months })}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("revenue")}</dt>
          <dd className="font-medium tabular-nums text-slate-900">{formatMoney(format, row.revenueAtStake)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("priority")}</dt>
          <dd className="font-medium tabular-nums text-slate-900" data-testid="subject-priority">
            {number(row.priority, 1)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
