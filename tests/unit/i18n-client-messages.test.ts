// The browser gets only the messages lib/i18n/client-messages.ts lists for each part of the portal. These checks
// read the code: every key a client component under a part translates is covered by that part's list, every
// listed path exists in both languages, and every area's layout hands its part to the browser.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_MESSAGES, type ClientMessagesPart } from "@/lib/i18n/client-messages";
import { loadMessages } from "@/lib/i18n/messages";
import { LOCALES } from "@/lib/i18n/locales";
import { pickMessages, type MessageTree } from "@/lib/i18n/pick-messages";
import { ROOT, clientModules, translationKeys } from "@/tests/support/client-translations";

const AREAS = readdirSync(path.join(ROOT, "app/(portal)"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

// The modules each part renders: an area's folder, or for root the frame around the areas.
const ENTRIES: Record<ClientMessagesPart, string[]> = {
  root: [
    "app/layout.tsx",
    "app/page.tsx",
    "app/not-found.tsx",
    "app/(portal)/layout.tsx",
    "app/(portal)/error.tsx",
    "app/(portal)/forbidden.tsx",
  ],
  auth: ["app/(auth)"],
  ...(Object.fromEntries(AREAS.map((area) => [area, [`app/(portal)/${area}`]])) as Record<string, string[]>),
} as Record<ClientMessagesPart, string[]>;

const covered = (key: string, paths: readonly string[]) => paths.some((p) => key === p || key.startsWith(`${p}.`));

describe("messages sent to the browser", () => {
  it("has one part per area of the portal, and each area's layout sends its own", () => {
    expect(Object.keys(CLIENT_MESSAGES).sort()).toEqual(["auth", "root", ...AREAS].sort());
    for (const area of AREAS) {
      expect(readFileSync(path.join(ROOT, `app/(portal)/${area}/layout.tsx`), "utf8"), area).toContain(
        `<ClientMessages part="${area}">`,
      );
    }
    expect(readFileSync(path.join(ROOT, "app/(auth)/layout.tsx"), "utf8")).toContain('<ClientMessages part="auth">');
    expect(readFileSync(path.join(ROOT, "app/layout.tsx"), "utf8")).toContain('<ClientMessages part="root">');
  });

  it.each(Object.keys(ENTRIES) as ClientMessagesPart[])(
    "%s: every key its client components translate is sent",
    (part) => {
      const missing = [...clientModules(ENTRIES[part])]
        .flatMap(translationKeys)
        .filter((use) => !covered(use.path, CLIENT_MESSAGES[part]))
        .map((use) => `${use.file}: ${use.path}`);
      expect([...new Set(missing)]).toEqual([]);
    },
  );

  it("names only paths that exist in every language", async () => {
    for (const locale of LOCALES) {
      const messages = (await loadMessages(locale)) as unknown as MessageTree;
      for (const paths of Object.values(CLIENT_MESSAGES)) {
        for (const p of paths) expect(pickMessages(messages, [p]), `${locale}: ${p}`).not.toEqual({});
      }
    }
  });

  it("finds what a client component reads, including keys built at run time", () => {
    const keys = translationKeys(path.join(ROOT, "components/contracts/evaluation-form.tsx")).map((u) => u.path);
    expect(keys).toContain("contracts.evaluations.formTitle");
    // t(`decision.${d}`) needs every decision.
    expect(keys).toContain("contracts.decision");
    // A translator handed to another function needs its whole namespace.
    expect(translationKeys(path.join(ROOT, "components/data/import-progress.tsx")).map((u) => u.path)).toContain(
      "data",
    );
  });
});

describe("pickMessages", () => {
  const messages: MessageTree = { a: { b: { c: "1", d: "2" }, e: "3" }, f: "4" };

  it("keeps the nesting of the paths it picks and merges paths under one namespace", () => {
    expect(pickMessages(messages, ["a.b.c", "a.e"])).toEqual({ a: { b: { c: "1" }, e: "3" } });
    expect(pickMessages(messages, ["a", "f"])).toEqual(messages);
  });

  it("leaves out paths that name nothing", () => {
    expect(pickMessages(messages, ["a.x", "g", "f.z"])).toEqual({});
  });
});
