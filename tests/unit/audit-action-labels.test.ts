// Every action the portal writes to the audit log has a readable label on the audit page, in English and French
// (a missing one would show the raw key). The actions are read from the source lines that write them.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/admin.json";
import fr from "@/lib/i18n/messages/fr/admin.json";

const ROOT = path.resolve(__dirname, "../..");
const ACTION = /["']([a-z_-]+\.[a-z_-]+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function auditedActions(): string[] {
  const found = new Set<string>();
  for (const file of ["lib", "app", "jobs"].flatMap((d) => sourceFiles(path.join(ROOT, d)))) {
    const text = readFileSync(file, "utf8");
    if (!/writeAudit|audit_log|auditImport/.test(text)) continue;
    for (const line of text.split("\n")) {
      if (!/\baction:|INSERT INTO audit_log|auditImport\(/.test(line)) continue;
      for (const match of line.matchAll(ACTION)) found.add(match[1]!);
    }
  }
  return [...found].sort();
}

function label(messages: { audit: { actions: Record<string, Record<string, string>> } }, action: string) {
  const [group, name] = action.split(".") as [string, string];
  return messages.audit.actions[group]?.[name];
}

describe("audit action labels", () => {
  const actions = auditedActions();

  it("finds the actions the portal writes", () => {
    expect(actions).toEqual(expect.arrayContaining(["api.call", "contract.sign", "import.succeeded", "user.activate"]));
  });

  it.each(["en", "fr"] as const)("has a %s label for each of them", (locale) => {
    const messages = locale === "en" ? en : fr;
    expect(actions.filter((action) => !label(messages, action))).toEqual([]);
  });
});
