// The KPI definition popover and the list of all definitions render the definition words of the reader's language,
// named for assistive technology, with the link to the KPI's entry on the definitions page only when one is given.
import { createElement, type ComponentProps, type FunctionComponent, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/contracts.json";
import fr from "@/lib/i18n/messages/fr/contracts.json";
import { IndicatorDefinition } from "@/components/indicators/indicator-definition";
import { IndicatorDefinitionsList } from "@/components/indicators/indicator-definitions-list";
import { KPI_IDS } from "@/lib/kpis/catalogue";

// The provider's props type requires children among the props, while createElement takes them as an argument.
type ProviderProps = Omit<ComponentProps<typeof NextIntlClientProvider>, "children">;
const Provider = NextIntlClientProvider as FunctionComponent<ProviderProps>;

const render = (locale: "en" | "fr", element: ReactElement) => {
  const messages = { contracts: locale === "en" ? en : fr };
  return renderToStaticMarkup(createElement(Provider, { locale, timeZone: "UTC", messages }, element));
};

// Text as the browser shows it: entities decoded, so expectations can quote the messages.
const ENTITIES: Record<string, string> = { "&#x27;": "'", "&quot;": '"', "&lt;": "<", "&gt;": ">", "&amp;": "&" };
const decoded = (html: string) => html.replace(/&#x27;|&quot;|&lt;|&gt;|&amp;/g, (entity) => ENTITIES[entity]!);

describe("IndicatorDefinition", () => {
  it("opens the formula, unit, direction, what raises and lowers it and what n counts", () => {
    const html = decoded(render("en", createElement(IndicatorDefinition, { kpiId: "P2", allDefinitionsHref: null })));
    for (const field of ["formula", "unit", "raises", "lowers", "n"] as const) {
      expect(html).toContain(en.kpis.P2[field]);
    }
    expect(html).toContain(en.direction.lower);
    expect(html).toContain(`aria-label="Definition of ${en.kpis.P2.name} (P2)"`);
    expect(html).toMatch(/^<details[^>]*><summary/);
    expect(html).not.toContain("<a ");
  });

  it("speaks the reader's language", () => {
    const html = decoded(render("fr", createElement(IndicatorDefinition, { kpiId: "P13" })));
    expect(html).toContain(fr.kpis.P13.formula);
    expect(html).toContain(fr.direction.context);
    expect(html).toContain(fr.kpiDefinition.formula);
  });

  it("links to the KPI's own entry on the definitions page", () => {
    const html = render("en", createElement(IndicatorDefinition, { kpiId: "I10" }));
    expect(html).toContain('href="/explore/indicators#kpi-I10"');
    expect(html).toContain(en.kpiDefinition.allDefinitions);
  });
});

describe("IndicatorDefinitionsList", () => {
  it("has one entry per KPI of the catalogue, each with the anchor the popover links to", () => {
    const html = decoded(render("fr", createElement(IndicatorDefinitionsList)));
    for (const id of KPI_IDS) {
      expect(html).toContain(`id="kpi-${id}"`);
      expect(html).toContain(fr.kpis[id].reading);
    }
  });
});
