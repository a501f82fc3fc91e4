// docs/indicators.md's KPI part is generated from the KPI definitions in the message files and the catalogue's SQL
// (scripts/generate-indicator-docs.ts): this fails when the page was not regenerated after a change, and when a KPI
// of the catalogue lacks any part of its definition in English or French.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KPI_CATALOGUE, KPI_IDS } from "@/lib/kpis/catalogue";
import { LOCALES } from "@/lib/i18n/locales";
import {
  KPI_DEFINITION_FIELDS,
  KPI_DEFINITION_LABELS,
  kpiDefinitionLabels,
  kpiDefinitionText,
} from "@/lib/kpis/definitions/kpi-definitions";
import {
  GENERATED_BEGIN,
  GENERATED_END,
  renderKpiSection,
  withKpiSection,
  wrap,
} from "@/lib/kpis/definitions/render-indicator-docs";

const page = readFileSync(path.resolve(import.meta.dirname, "../../docs/indicators.md"), "utf8");

describe("KPI definitions", () => {
  it.each([...LOCALES])("%s: every KPI of the catalogue has every part of its definition", (locale) => {
    for (const id of KPI_IDS) {
      const d = kpiDefinitionText(id, locale);
      for (const field of KPI_DEFINITION_FIELDS) expect(d[field]?.trim(), `${locale} ${id}.${field}`).toBeTruthy();
      expect(d.better.trim(), `${locale} ${id} direction`).toBeTruthy();
    }
    for (const label of KPI_DEFINITION_LABELS) expect(kpiDefinitionLabels(locale)[label]?.trim(), label).toBeTruthy();
  });

  it("are translated: the French words differ from the English ones", () => {
    for (const id of KPI_IDS) {
      const en = kpiDefinitionText(id, "en");
      const fr = kpiDefinitionText(id, "fr");
      for (const field of ["formula", "raises", "lowers", "n", "reading"] as const) {
        expect(fr[field], `${id}.${field}`).not.toBe(en[field]);
      }
    }
  });

  it("take the direction from the catalogue", () => {
    for (const k of KPI_CATALOGUE) expect(kpiDefinitionText(k.id, "en").direction).toBe(k.direction);
  });
});

describe("docs/indicators.md", () => {
  it("holds the KPI definitions exactly as the generator writes them", () => {
    const fresh = withKpiSection(page);
    const message = "docs/indicators.md is out of date: run npx tsx scripts/generate-indicator-docs.ts";
    expect(fresh === page, message).toBe(true);
  });

  it("has one entry per KPI of the catalogue, in catalogue order", () => {
    const section = page.slice(page.indexOf(GENERATED_BEGIN), page.indexOf(GENERATED_END));
    const headings = [...section.matchAll(/^### (\w+) — /gm)].map((m) => m[1]);
    expect(headings).toEqual([...KPI_IDS]);
  });

  it("keeps every generated line within 120 characters", () => {
    const long = renderKpiSection()
      .split("\n")
      .filter((line) => line.length > 120 && !line.startsWith("<!--"));
    expect(long).toEqual([]);
  });

  it("refuses a page without its markers rather than writing the section nowhere", () => {
    expect(() => withKpiSection("# Indicators\n")).toThrow(/markers/);
  });
});

describe("wrap", () => {
  it("breaks on spaces only, indents continuation lines and keeps no-break joins together", () => {
    expect(wrap("aaa bbb ccc", "  ", 7)).toBe("aaa bbb\n  ccc");
    expect(wrap("aaa bbb\u00a0ccc", "", 7)).toBe("aaa\nbbb ccc");
  });
});
