// One traffic light per contract indicator for a month: colour and mark say the status, the KPI id says which,
// and each light opens the declarations behind that value. The words are in the title and for screen readers.
import type { OverviewIndicator } from "@/lib/dashboard/contract-overview";
import type { IndicatorStatus } from "@/lib/contracts/scoring";
import type { KpiSubject } from "@/lib/contracts/kpi-subject";
import type { Period } from "@/lib/kernel/calendar";
import { drilldownHref } from "@/components/explore/drilldown-href";
import type { KpiId } from "@/lib/kpis/catalogue";

// The colours are the .kpi-light rules of app/globals.css, keyed by data-light.
const MARKS: Record<IndicatorStatus, string> = {
  target_met: "✓",
  between: "~",
  below_threshold: "✗",
  not_evaluable: "–",
};

// Synchronous, with its words from the caller: a page of 50 contracts carries hundreds of lights, so the table
// looks each KPI name and status word up once (overview-table.tsx) instead of once per light.
export function IndicatorLights({
  indicators,
  subject,
  period,
  label,
  describe,
}: {
  indicators: OverviewIndicator[];
  subject: KpiSubject;
  period: Period;
  label: string;
  describe: (indicator: OverviewIndicator) => string;
}) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label={label}>
      {indicators.map((i) => (
        <li key={i.kpiId}>
          {/* The words once, as tooltip and accessible description (the name is the KPI id). Plain links, which the
              server renders and the browser does not hydrate, each opening the drill-down as a new page. */}
          <a
            href={drilldownHref({
              kpi: i.kpiId as KpiId,
              type: subject.type,
              id: subject.id,
              from: period.from,
              to: period.to,
              only: "all",
              page: 1,
            })}
            title={describe(i)}
            data-light={i.status}
            data-kpi={i.kpiId}
            className="kpi-light"
          >
            <span aria-hidden>{MARKS[i.status]}</span>
            {i.kpiId}
          </a>
        </li>
      ))}
    </ul>
  );
}
