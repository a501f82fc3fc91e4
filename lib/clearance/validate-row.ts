// Validation of one CSV record against its file's spec: field types, required values, the per-row rules of
// docs/data-format.md (reg_ts not after asmt_ts, field length, valid UTF-8). Reference checks run later in SQL.
import { parseField } from "@/lib/clearance/fields";
import { restoreDefusedCell } from "@/lib/csv-cell";
import { fileSpec, type CanonicalFileSpec } from "@/lib/clearance/canonical-files";

export const MAX_FIELD_LENGTH = 10_000;

export type HeaderPlan = {
  // For each spec column, its index in the record, or -1 when the optional column is absent.
  indexes: number[];
  lastIndex: number;
  missingRequired: string[];
  unknown: string[];
};

export function planHeader(spec: CanonicalFileSpec, header: string[]): HeaderPlan {
  const names = header.map((h) => h.trim());
  const indexes = spec.columns.map((c) => names.indexOf(c.name));
  const known = new Set(spec.columns.map((c) => c.name));
  return {
    indexes,
    lastIndex: Math.max(...indexes),
    missingRequired: spec.columns.filter((c, i) => c.required && indexes[i] === -1).map((c) => c.name),
    unknown: names.filter((n) => !known.has(n)),
  };
}

// replacedIn: the first free-text column whose invalid UTF-8 was kept as U+FFFD.
export type RowResult =
  { ok: true; values: (string | null)[]; replacedIn?: string } | { ok: false; column: string | null; reason: string };

export function validateRow(spec: CanonicalFileSpec, plan: HeaderPlan, record: string[]): RowResult {
  if (record.length <= plan.lastIndex) {
    return { ok: false, column: null, reason: `too few fields: ${record.length}, the header has more` };
  }
  const values: (string | null)[] = new Array(spec.columns.length);
  let replacedIn: string | undefined;
  for (let i = 0; i < spec.columns.length; i++) {
    const column = spec.columns[i]!;
    const index = plan.indexes[i]!;
    // A cell defused for spreadsheets (a rejected-rows file fixed and imported again) is read as it was written.
    const raw = index === -1 ? "" : restoreDefusedCell(record[index]!);
    if (raw.length > MAX_FIELD_LENGTH) {
      return { ok: false, column: column.name, reason: `field longer than ${MAX_FIELD_LENGTH} characters` };
    }
    // The decoder turns invalid UTF-8 into U+FFFD.
    if (raw.includes("\uFFFD")) {
      if (!column.freeText) return { ok: false, column: column.name, reason: "invalid UTF-8" };
      replacedIn ??= column.name;
    }
    if (raw === "") {
      if (column.notNull) return { ok: false, column: column.name, reason: "required value is empty" };
      values[i] = null;
      continue;
    }
    if (column.type === "string") {
      values[i] = raw;
      continue;
    }
    const parsed = parseField(column.type, raw);
    if (!parsed.ok) return { ok: false, column: column.name, reason: parsed.reason };
    values[i] = parsed.value;
  }
  const checked = checkRowRules(spec, values);
  return checked.ok && replacedIn ? { ...checked, replacedIn } : checked;
}

// Timestamps are normalised "YYYY-MM-DD HH:MM:SS", so string order is time order.
const column = (spec: CanonicalFileSpec, name: string) => spec.columns.findIndex((c) => c.name === name);
const DECLARATION_REG = column(fileSpec("declarations"), "reg_ts");
const DECLARATION_ASMT = column(fileSpec("declarations"), "asmt_ts");

function checkRowRules(spec: CanonicalFileSpec, values: (string | null)[]): RowResult {
  if (spec.name === "declarations") {
    const reg = values[DECLARATION_REG];
    const asmt = values[DECLARATION_ASMT];
    if (reg && asmt && reg > asmt) return { ok: false, column: "asmt_ts", reason: "reg_ts is after asmt_ts" };
  }
  return { ok: true, values };
}

// The record as {column: value} for the rejected-rows download (fix and re-import).
export function recordAsObject(header: string[], record: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  header.forEach((h, i) => {
    out[h.trim()] = restoreDefusedCell(record[i] ?? "");
  });
  return out;
}
