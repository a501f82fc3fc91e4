// Every message file exists in English and French with exactly the same keys and the same ICU arguments, so no
// screen falls back to a key name or drops a value in one language.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { MESSAGE_AREAS, loadMessages } from "@/lib/i18n/messages";
import { KPI_IDS } from "@/lib/kpis/catalogue";

const messagesDir = path.resolve(import.meta.dirname, "../../lib/i18n/messages");

function flatten(value: unknown, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  if (typeof value === "string") entries.set(prefix, value);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) entries.set(k, v);
    }
  }
  return entries;
}

// The names of ICU arguments in a message: "{count, plural, one {# x}}" → ["count"].
function argumentNames(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((match) => match[1] ?? ""))].sort();
}

const read = (locale: string, file: string) =>
  flatten(JSON.parse(readFileSync(path.join(messagesDir, locale, file), "utf8")) as unknown);

describe("message files", () => {
  it("are the same files in every language, one per area the loader knows", () => {
    const expected = MESSAGE_AREAS.map((area) => `${area}.json`).sort();
    for (const locale of LOCALES) {
      expect(readdirSync(path.join(messagesDir, locale)).sort()).toEqual(expected);
    }
  });

  for (const area of MESSAGE_AREAS) {
    it(`${area}.json has the same keys and arguments in en and fr`, () => {
      const en = read("en", `${area}.json`);
      const fr = read("fr", `${area}.json`);
      expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, message] of en) {
        expect({ key, args: argumentNames(fr.get(key) ?? "") }).toEqual({ key, args: argumentNames(message) });
        expect(fr.get(key)?.trim(), `fr ${area}.${key} is empty`).not.toBe("");
      }
    });
  }
});

describe("KPI names and formulas", () => {
  it("are written once, in contracts.kpis, and read the same from every screen", async () => {
    for (const locale of LOCALES) {
      const messages = await loadMessages(locale);
      const catalogue = messages.contracts.kpis as Record<string, { name: string; formula: string }>;
      const explore = messages.explore as { names: Record<string, string>; formulas: Record<string, string> };
      expect(Object.keys(catalogue).sort()).toEqual([...KPI_IDS].sort());
      for (const id of KPI_IDS) {
        expect(explore.names[id], `${locale} ${id}`).toBe(catalogue[id]!.name);
        expect(explore.formulas[id], `${locale} ${id}`).toBe(catalogue[id]!.formula);
      }
    }
  });
});
