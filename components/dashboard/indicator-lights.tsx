// One traffic light per contract indicator for a month: colour and mark say the status, the KPI id says which,
// and each light opens the declarations behind that value. The words are in the title and for screen readers.
import { getFormatter, getTranslations } from "next-intl/server";
import type { OverviewIndicator } from "@/lib/dashboard/contract-overview";
import type { IndicatorStatus } from "@/lib/contracts/scoring";
import type { KpiSubject } from "@/lib/contracts/kpi-subject";
import type { Period } from "@/lib/contracts/contract-periods";
import { formatKpiValue } from "@/components/contracts/kpi-format";
import { drilldownHref } from "@/components/explore/drilldown-href";
import type { KpiId } from "@/lib/kpis/catalogue";

// The colours are the .kpi-light rules of app/globals.css, keyed by data-light.
const MARKS: Record<IndicatorStatus, string> = { target_met: "✓", between: "~", below_threshold: "✗", not_evaluable: "–" };

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
            {/* The words once, as tooltip and accessible description (the name is the KPI id). A page of 50
                contracts carries hundreds of lights: plain links, which the server renders and the browser does
                not hydrate, each opening the drill-down as a new page. */}
            <a href={href} title={words} data-light={i.status} data-kpi={i.kpiId} className="kpi-light">
              <span aria-hidden>{MARKS[i.status]}</span>
              {i.kpiId}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
