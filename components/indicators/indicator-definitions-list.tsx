// Every KPI's definition, in catalogue order and the reader's language: the body of an "all definitions" page, which
// IndicatorDefinition links to (each entry carries definitionAnchor(id)). The same words as the popover and as
// docs/indicators.md (contracts.kpis, docs/decisions/027), with how to read each one.
import { useTranslations } from "next-intl";
import { KPI_CATALOGUE } from "@/lib/kpis/catalogue";
import { definitionAnchor } from "@/components/indicators/indicator-definition";

const FIELDS = ["formula", "unit", "direction", "raises", "lowers", "n", "reading"] as const;

export function IndicatorDefinitionsList() {
  const t = useTranslations("contracts");
  return (
    <div className="space-y-4">
      {KPI_CATALOGUE.map(({ id, direction }) => (
        <section
          key={id}
          id={definitionAnchor(id)}
          aria-labelledby={`${definitionAnchor(id)}-title`}
          className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <h2 id={`${definitionAnchor(id)}-title`} className="text-base font-semibold text-slate-900">
            {t(`kpis.${id}.name`)} <span className="font-normal text-slate-500">({id})</span>
          </h2>
          <dl className="mt-2 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
            {FIELDS.map((field) => (
              <div key={field} className="contents">
                <dt className="font-medium text-slate-600">{t(`kpiDefinition.${field}`)}</dt>
                <dd className="leading-snug text-slate-800">
                  {field === "direction" ? t(`direction.${direction}`) : t(`kpis.${id}.${field}`)}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
