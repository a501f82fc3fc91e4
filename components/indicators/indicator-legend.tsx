// The indicators a page shows only by their ids (the overview's lights), each with its name and its definition.
import { useTranslations } from "next-intl";
import { IndicatorDefinition } from "@/components/indicators/indicator-definition";
import { KPI_IDS } from "@/lib/kpis/catalogue";

export function IndicatorLegend({ kpiIds }: { kpiIds: Iterable<string> }) {
  const t = useTranslations("contracts");
  const shown = new Set(kpiIds);
  // Catalogue order, whatever order the rows met them in.
  const ids = KPI_IDS.filter((id) => shown.has(id));
  if (!ids.length) return null;
  return (
    <section aria-labelledby="indicator-legend" className="text-sm" data-testid="indicator-legend">
      <h2 id="indicator-legend" className="text-xs font-semibold uppercase tracking-wide text-slate-600">
        {t("kpiDefinition.legend")}
      </h2>
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1">
        {ids.map((id) => (
          <li key={id} className="flex items-center gap-1 text-slate-700">
            <span className="font-medium text-slate-900">{id}</span> {t(`kpis.${id}.name`)}
            <IndicatorDefinition kpiId={id} />
          </li>
        ))}
      </ul>
    </section>
  );
}
