// The overview table: one row per contract in force in the month, worst score first by default.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { OverviewIndicator, OverviewRow } from "@/lib/dashboard/contract-overview";
import { formatTermValue, formatScore } from "@/components/format/kpi-format";
import { partyLabel } from "@/components/contracts/party-label";
import { IndicatorLights } from "@/components/dashboard/indicator-lights";
import { TrendMark, trendWords } from "@/components/dashboard/trend-mark";
import { TableFrame, TableHead } from "@/components/ui/table-frame";

const th = "px-4 py-3";

export async function OverviewTable({ rows }: { rows: OverviewRow[] }) {
  const [t, tc, te, format, trendLabels] = await Promise.all([
    getTranslations("dashboard.overview"),
    getTranslations("contracts"),
    getTranslations("explore"),
    getFormatter(),
    trendWords(),
  ]);
  const looked = new Map<string, string>();
  const once = (key: string, word: () => string) => looked.get(key) ?? looked.set(key, word()).get(key)!;
  const describe = (i: OverviewIndicator) =>
    t("light", {
      kpi: i.basis === "OE" ? `${i.kpiId} (${once("basis.oe", () => tc("basis.oe"))})` : i.kpiId,
      name: once(`name.${i.kpiId}`, () => te(`names.${i.kpiId}`)),
      value: formatTermValue(format, tc, i.kpiId, i.basis, i.value),
      n: i.n,
      status: once(`status.${i.status}`, () => tc(`indicatorStatus.${i.status}`)),
    });
  const lightsLabel = t("columns.indicators");
  const score = (v: number | null, pending: boolean) =>
    v === null ? (
      <span className="text-xs text-slate-500">{pending ? t("pendingValue") : t("nothingEvaluable")}</span>
    ) : (
      formatScore(format, v, 100)
    );
  return (
    <TableFrame caption={t("caption")} testId="overview-table">
      <TableHead>
        <th scope="col" className={th}>
          {t("columns.party")}
        </th>
        <th scope="col" className={th}>
          {t("columns.office")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("columns.score")}
        </th>
        <th scope="col" className={th}>
          {t("columns.trend")}
        </th>
        <th scope="col" className={th}>
          {t("columns.indicators")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("columns.soFar")}
        </th>
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id} className="hover:bg-slate-50" data-contract={r.id} data-score={r.monthScore ?? ""}>
            <td className="px-4 py-3">
              <Link
                href={`/contracts/${r.id}`}
                prefetch={false}
                className="font-medium text-brand-700 underline-offset-2 hover:underline"
              >
                {partyLabel(tc, r.party)}
              </Link>
              <div className="text-xs text-slate-500">
                {tc(`party.type.${r.party.type}`)} · {tc("contractNo", { contractNo: r.contractNo })}
              </div>
            </td>
            <td className="px-4 py-3">
              <Link
                href={`/dashboard/offices/${encodeURIComponent(r.officeCode)}`}
                prefetch={false}
                className="text-slate-900 hover:underline"
              >
                {r.officeCode}
              </Link>
              {r.unit ? (
                <div className="text-xs">
                  <Link
                    href={`/dashboard/offices/${encodeURIComponent(r.officeCode)}/units/${encodeURIComponent(r.unit)}`}
                    prefetch={false}
                    className="text-slate-600 hover:underline"
                  >
                    {r.unit}
                  </Link>
                </div>
              ) : null}
            </td>
            <td
              className="px-4 py-3 text-right text-base font-semibold tabular-nums text-slate-900"
              data-testid="month-score"
            >
              {score(r.monthScore, r.pending)}
            </td>
            <td className="px-4 py-3">
              <TrendMark
                trend={r.trend}
                words={trendLabels}
                deltaText={
                  r.trend ? format.number(r.trend.delta, { maximumFractionDigits: 1, signDisplay: "exceptZero" }) : ""
                }
              />
            </td>
            <td className="px-4 py-3">
              <IndicatorLights
                indicators={r.indicators}
                subject={r.subject}
                period={r.monthPeriod}
                label={lightsLabel}
                describe={describe}
              />
            </td>
            <td className="px-4 py-3 text-right tabular-nums text-slate-700">{score(r.soFarScore, r.pending)}</td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
