// A KPI's definition beside its name: a small disclosure that opens its formula, unit, direction, what raises and
// lowers it and what n counts, in the reader's language. The words are contracts.kpis (docs/decisions/027).
// A <details> element rather than a scripted popover: it opens from the keyboard and for screen readers, works
// before JavaScript loads and keeps no state, so it renders as a server component, with no messages sent to the
// browser, and also inside a client component whose part of the portal is sent contracts.kpis,
// contracts.kpiDefinition and contracts.direction (lib/i18n/client-messages.ts).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { KPI_CATALOGUE, type KpiId } from "@/lib/kpis/catalogue";

export type IndicatorDefinitionProps = {
  // Contract terms carry KPI ids as stored text; an id outside the catalogue shows nothing.
  kpiId: KpiId | string;
  // The page listing every definition (IndicatorDefinitionsList); the link goes to this KPI's entry on it. null
  // leaves the link out (on that page itself).
  allDefinitionsHref?: string | null;
  // Which way the panel opens from the button: towards the right (default) or, near a right edge, the left.
  align?: "start" | "end";
  // Inside a scrolling table the panel opens in the flow of the cell instead of floating, which the frame would clip.
  inline?: boolean;
  className?: string;
};

// The page that lists every definition (app/(portal)/explore/indicators).
export const ALL_DEFINITIONS_HREF = "/explore/indicators";

const FIELDS = ["formula", "unit", "direction", "raises", "lowers", "n"] as const;

// The id of a KPI's entry in IndicatorDefinitionsList, for links to it.
export const definitionAnchor = (kpiId: string) => `kpi-${kpiId}`;

const SUMMARY_CLASSES = [
  "inline-flex h-5 w-5 cursor-pointer list-none items-center justify-center rounded-full text-slate-500",
  "hover:bg-slate-100 hover:text-brand-700",
  "focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600",
  "[&::-webkit-details-marker]:hidden",
].join(" ");

const PANEL_CLASSES = [
  "z-30 mt-1 w-80 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-3",
  "text-left text-sm font-normal normal-case whitespace-normal",
].join(" ");

export function IndicatorDefinition(props: IndicatorDefinitionProps) {
  const { kpiId, allDefinitionsHref = ALL_DEFINITIONS_HREF, align = "start", inline = false, className = "" } = props;
  const t = useTranslations("contracts");
  const definition = KPI_CATALOGUE.find((k) => k.id === kpiId);
  if (!definition) return null;
  const { direction } = definition;
  const name = t(`kpis.${kpiId}.name`);
  const text = (field: (typeof FIELDS)[number]) =>
    field === "direction" ? t(`direction.${direction}`) : t(`kpis.${kpiId}.${field}`);
  const label = t("kpiDefinition.open", { name, id: kpiId });
  return (
    <details
      className={`relative inline-block align-middle print:hidden ${className}`}
      data-testid={`kpi-definition-${kpiId}`}
    >
      <summary aria-label={label} title={t("kpiDefinition.summary")} className={SUMMARY_CLASSES}>
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.6} className="h-4 w-4" aria-hidden>
          <circle cx="12" cy="12" r="9" />
          <path d="M12 11v6M12 7.5v.5" strokeLinecap="round" />
        </svg>
      </summary>
      <div
        role="group"
        aria-label={label}
        className={`${PANEL_CLASSES} ${inline ? "shadow-sm" : `absolute shadow-lg ${align === "end" ? "right-0" : "left-0"}`}`}
      >
        <p className="font-semibold text-slate-900">
          {name} <span className="font-normal text-slate-500">({kpiId})</span>
        </p>
        <dl className="mt-2 space-y-2">
          {FIELDS.map((field) => (
            <div key={field}>
              <dt className="text-xs font-semibold text-slate-600">{t(`kpiDefinition.${field}`)}</dt>
              <dd className="leading-snug text-slate-800">{text(field)}</dd>
            </div>
          ))}
        </dl>
        {allDefinitionsHref ? (
          <Link
            href={`${allDefinitionsHref}#${definitionAnchor(kpiId)}`}
            className="mt-3 inline-block font-medium text-brand-700 hover:underline"
          >
            {t("kpiDefinition.allDefinitions")}
          </Link>
        ) : null}
      </div>
    </details>
  );
}
