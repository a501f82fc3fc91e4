// The words for each KPI of the catalogue, in English and French: name, formula in plain words, unit, what raises
// and lowers it, what n counts and how to read it. They live in the message files (contracts.kpis), where every
// screen already reads KPI names and formulas through next-intl; this module hands the same text to code that runs
// outside a request (the docs generator, tests, exports), so there is one source (docs/decisions/027).
// No database and no server-only import: safe to import from a client component, though a component should rather
// read the messages it is given, since importing this bundles both languages.
import en from "@/lib/i18n/messages/en/contracts.json";
import fr from "@/lib/i18n/messages/fr/contracts.json";
import type { Locale } from "@/lib/i18n/locales";
import { KPI_CATALOGUE, kpiDefinition, type KpiDefinition, type KpiId } from "@/lib/kpis/catalogue";

export const KPI_DEFINITION_FIELDS = ["name", "formula", "unit", "raises", "lowers", "n", "reading"] as const;
export type KpiDefinitionField = (typeof KPI_DEFINITION_FIELDS)[number];
export type KpiDefinitionMessages = Record<KpiDefinitionField, string>;

export type KpiDirection = KpiDefinition["direction"];

export const KPI_DEFINITION_LABELS = [
  "open",
  "summary",
  "formula",
  "unit",
  "direction",
  "raises",
  "lowers",
  "n",
  "reading",
  "allDefinitions",
] as const;
export type KpiDefinitionLabel = (typeof KPI_DEFINITION_LABELS)[number];

type DefinitionMessages = {
  kpis: Record<KpiId, KpiDefinitionMessages>;
  direction: Record<KpiDirection, string>;
  kpiDefinition: Record<KpiDefinitionLabel, string>;
};

// Typed as complete, so a catalogue KPI, a field or a label missing from either language fails the type check
// before any test runs.
const MESSAGES: Record<Locale, DefinitionMessages> = { en, fr };

export type KpiDefinitionText = KpiDefinitionMessages & {
  id: KpiId;
  direction: KpiDirection;
  // "Higher is better", "Lower is better" or "Context only", in the locale's words.
  better: string;
};

export function kpiDefinitionText(id: KpiId, locale: Locale): KpiDefinitionText {
  const messages = MESSAGES[locale];
  const { direction } = kpiDefinition(id);
  return { id, ...pickFields(messages.kpis[id]), direction, better: messages.direction[direction] };
}

// Every KPI of the catalogue, in catalogue order.
export function kpiDefinitionTexts(locale: Locale): KpiDefinitionText[] {
  return KPI_CATALOGUE.map((k) => kpiDefinitionText(k.id, locale));
}

export function kpiDefinitionLabels(locale: Locale): Record<KpiDefinitionLabel, string> {
  return MESSAGES[locale].kpiDefinition;
}

// Only the definition's own fields: the JSON entry may one day carry more.
function pickFields(entry: KpiDefinitionMessages): KpiDefinitionMessages {
  return Object.fromEntries(KPI_DEFINITION_FIELDS.map((f) => [f, entry[f]])) as KpiDefinitionMessages;
}
