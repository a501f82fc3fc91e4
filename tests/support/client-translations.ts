// What the client components below a folder read from the message catalogue, found in the source: the files a
// folder's modules import (transitively, through "@/…" and relative imports), and in each of them the keys passed to
// the translators that useTranslations("namespace") returns. A key with a computed part counts as its static prefix
// ("contracts.decision." for t(`decision.${d}`)); a translator called with a variable or handed to another function
// needs its whole namespace. Checked against lib/i18n/client-messages.ts by tests/unit/i18n-client-messages.test.ts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const ending of [".tsx", ".ts", "/index.tsx", "/index.ts"]) if (existsSync(base + ending)) return base + ending;
  return null;
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specs = [
    ...[...source.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g)].map((m) => m[1]!),
    ...[...source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!),
  ];
  return specs.map((spec) => resolveImport(file, spec)).filter((f): f is string => f !== null);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "api" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// Every module reachable from the given files or folders (a folder: all its modules but route handlers under api/).
export function reachableModules(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = entries.flatMap((entry) => {
    const full = path.join(ROOT, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : [full];
  });
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...importsOf(file));
  }
  return seen;
}

const isClientEntry = (file: string) => /^\s*(?:\/\/[^\n]*\n\s*)*["']use client["']/.test(readFileSync(file, "utf8"));

// The modules of the browser bundle below the given entries: every "use client" module reachable from them and what
// those import. A server component that translates with the useTranslations hook renders on the server: its
// messages never travel.
export function clientModules(entries: string[]): Set<string> {
  const boundaries = [...reachableModules(entries)].filter(isClientEntry).map((file) => path.relative(ROOT, file));
  return boundaries.length ? reachableModules(boundaries) : new Set();
}

export type KeyUse = { file: string; path: string };

// The message paths a module's translators read. Throws on a useTranslations without a literal namespace: nothing
// could then say what the browser needs.
export function translationKeys(file: string): KeyUse[] {
  const source = readFileSync(file, "utf8");
  if (!/import\s*\{[^}]*\buseTranslations\b[^}]*\}\s*from\s*["']next-intl["']/.test(source)) return [];
  const rel = path.relative(ROOT, file);
  const translators = [...source.matchAll(/const\s+(\w+)\s*=\s*useTranslations\(\s*["']([\w.]+)["']\s*\)/g)];
  const calls = source.match(/useTranslations\(/g)?.length ?? 0;
  if (calls !== translators.length)
    throw new Error(`${rel}: useTranslations must be called as const t = useTranslations("namespace")`);
  // A name can be declared again in another component of the same module: each use belongs to the declaration
  // of its name nearest above it.
  const namespaceAt = (name: string, at: number) =>
    translators.filter((d) => d[1] === name && d.index < at).at(-1)?.[2] ?? null;
  const uses: KeyUse[] = [];
  for (const name of new Set(translators.map((d) => d[1]!))) {
    for (const match of source.matchAll(new RegExp(`(?<![\\w.$-])${name}\\b(?!\\s*=)`, "g"))) {
      const namespace = namespaceAt(name, match.index);
      if (namespace === null) continue;
      const rest = source.slice(match.index + name.length);
      const call = /^(?:\.(?:has|rich|markup))?\(\s*(?:"([^"]*)"|'([^']*)'|`([^`$]*)(\$\{)?)?/.exec(rest);
      const literal = call?.[1] ?? call?.[2] ?? call?.[3];
      if (!call || literal === undefined) {
        uses.push({ file: rel, path: namespace });
        continue;
      }
      // A computed key needs everything under its static prefix, cut back to the last complete segment.
      const key = call[4] ? literal.slice(0, literal.lastIndexOf(".") + 1) : literal;
      uses.push({ file: rel, path: key ? `${namespace}.${key.replace(/\.$/, "")}` : namespace });
    }
  }
  return uses;
}
