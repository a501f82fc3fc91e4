// One row of the Korea Customs Service synthetic declarations (docs/data-format.md, "The KCS synthetic CSV") mapped to
// the
// canonical fields: pure, so the import (import-kcs.ts) and the risk model's evaluation on the KCS files
// (lib/risk/kcs-dataset.ts) read the files the same way.
import { parseField, type FieldType } from "@/lib/clearance/fields";

export const KCS_COLUMNS = {
  declId: "Declaration ID",
  date: "Date",
  office: "Office ID",
  importType: "Import Type",
  declarant: "Declarant ID",
  importer: "Importer ID",
  hs6: "HS6 Code",
  departure: "Country of Departure",
  origin: "Country of Origin",
  taxRate: "Tax Rate",
  netMass: "Net Mass",
  price: "Item Price",
  fraud: "Fraud",
  critical: "Critical Fraud",
} as const;

export type KcsField = keyof typeof KCS_COLUMNS;

export type KcsRow = {
  decl_id: string;
  office_code: string;
  regime: string | null;
  broker_id: string | null;
  importer_id: string | null;
  export_country: string | null;
  reg_ts: string;
  hs_code: string;
  origin_country: string;
  net_kg: string | null;
  cif_value: string | null;
  taxes: string | null;
  fraud: boolean;
  critical: boolean;
};

// Amounts in the KCS files carry binary float noise (1.7999999999): round to the format's 2 decimals.
function round(raw: string, decimals: number): string | null {
  if (raw === "") return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n.toFixed(decimals) : null;
}

export function mapKcsRecord(
  get: (f: KcsField) => string,
): { ok: true; row: KcsRow } | { ok: false; column: string; reason: string } {
  const check = (field: KcsField, type: FieldType, value = get(field)) => {
    const r = parseField(type, value);
    return r.ok ? null : { ok: false as const, column: KCS_COLUMNS[field], reason: r.reason };
  };
  for (const f of ["declId", "date", "office", "hs6", "origin"] as const) {
    if (!get(f)) return { ok: false, column: KCS_COLUMNS[f], reason: "required value is empty" };
  }
  const hs6 = get("hs6").padStart(6, "0");
  const problems = [
    check("date", "date"),
    check("hs6", "hsCode", hs6),
    check("origin", "country"),
    get("departure") ? check("departure", "country") : null,
    check("netMass", "nonNegativeNumber", round(get("netMass"), 3) ?? ""),
    check("price", "money", round(get("price"), 2) ?? ""),
    check("fraud", { oneOf: ["0", "1"] }),
    // The README says 0/1, but the files also hold 2 (472 rows, always with Fraud = 1): accepted, and only the
    // documented value 1 becomes offence_code CRITICAL.
    check("critical", { oneOf: ["0", "1", "2"] }),
  ].find((p) => p !== null);
  if (problems) return problems;
  const price = round(get("price"), 2)!;
  const rate = Number(get("taxRate") || "0");
  if (!Number.isFinite(rate) || rate < 0)
    return { ok: false, column: KCS_COLUMNS.taxRate, reason: `not a tax rate: "${get("taxRate")}"` };
  return {
    ok: true,
    row: {
      decl_id: get("declId"),
      office_code: get("office"),
      regime: get("importType") || null,
      broker_id: get("declarant") || null,
      importer_id: get("importer") || null,
      export_country: get("departure") || null,
      reg_ts: `${get("date")} 00:00:00`,
      hs_code: hs6,
      origin_country: get("origin"),
      net_kg: round(get("netMass"), 3),
      cif_value: price,
      taxes: ((Number(price) * rate) / 100).toFixed(2),
      fraud: get("fraud") === "1",
      critical: get("critical") === "1",
    },
  };
}

// The KCS columns a file's header lacks (trimmed names, any order).
export function missingKcsColumns(header: readonly string[]): string[] {
  return Object.values(KCS_COLUMNS).filter((c) => !header.includes(c));
}

// Reads the fields of one record by KCS field name, through the file's header.
export function kcsFieldGetter(header: readonly string[], fields: readonly string[]): (f: KcsField) => string {
  return (f) => (fields[header.indexOf(KCS_COLUMNS[f])] ?? "").trim();
}
