// One traffic light per contract indicator for a month: colour and mark say the status, the KPI id says which,
// and each light opens the declarations behind that value. The words are in the title and for screen readers.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { OverviewIndicator } from "@/lib/dashboard/contract-overview";
import type { IndicatorStatus } from "@/lib/contracts/scoring";
import type { KpiSubject } from "@/lib/contracts/kpi-subject";
import type { Period } from "@/lib/contracts/contract-periods";
import { formatKpiValue } from "@/components/contracts/kpi-format";
import { drilldownHref } from "@/components/explore/drilldown-href";
import type { KpiId } from "@/lib/kpis/catalogue";

const LIGHT = "inline-flex items-center gap-0.5 rounded px-1.5 py-0.5 text-[11px] font-semibold ring-1 ring-inset hover:underline";

const LIGHTS: Record<IndicatorStatus, { tone: string; mark: string }> = {
  target_met: { tone: "bg-emerald-100 text-emerald-900 ring-emerald-300", mark: "✓" },
  between: { tone: "bg-amber-100 text-amber-900 ring-amber-300", mark: "~" },
  below_threshold: { tone: "bg-red-100 text-red-900 ring-red-300", mark: "✗" },
  not_evaluable: { tone: "bg-slate-100 text-slate-600 ring-slate-300", mark: "–" },
};

export async function IndicatorLights({ indicators, subject, period }: { indicators: OverviewIndicator[]; subject: KpiSubject; period: Period }) {
  const [t, tc, te, format] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("contracts"),
    getTranslations("explore"),
    getFormatter(),
  ]);
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("overview.columns.indicators")}>
      {indicators.map((i) => {
        const { tone, mark } = LIGHTS[i.status];
        const words = t("overview.light", {
          kpi: i.kpiId,
          name: te(`names.${i.kpiId}`),
          value: formatKpiValue(format, tc, i.kpiId, i.value),
          n: i.n,
          status: tc(`indicatorStatus.${i.status}`),
        });
        const href = drilldownHref({ kpi: i.kpiId as KpiId, type: subject.type, id: subject.id, from: period.from, to: period.to, only: "all", page: 1 });
        return (
          <li key={i.kpiId}>
            {/* The words once, as tooltip and accessible description (the name is the KPI id): a page of 50
                contracts carries hundreds of lights, so nothing is repeated and nothing is prefetched. */}
            <Link href={href} title={words} data-light={i.status} data-kpi={i.kpiId} prefetch={false} className={`${LIGHT} ${tone}`}>
              <span aria-hidden>{mark}</span>
              {i.kpiId}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
