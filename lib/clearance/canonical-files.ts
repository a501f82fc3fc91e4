// The canonical CSV files (docs/data-format.md) as data: columns, types, keys and references. Staging tables,
// row validation, reference checks and the upserts are all derived from this one description.
import type { FieldType } from "@/lib/clearance/fields";

const LANES = { oneOf: ["G", "B", "Y", "R"] } as const;

export type ColumnSpec = {
  name: string;
  type: FieldType;
  // The column must be in the header (docs/data-format.md: "a missing required column is an error for the whole file").
  required: boolean;
  // An empty value is rejected.
  notNull: boolean;
  // PostgreSQL type of the target column, for the cast from the staging table.
  pgType: string;
  // Stored instead of NULL in the target (holidays: an empty office_code means every office).
  nullAs?: string;
  // Free text (names, descriptions): invalid UTF-8 is kept as U+FFFD with a warning instead of rejecting the row,
  // and with it every row that depends on it. Identifiers and codes stay strict.
  freeText?: boolean;
};

export type ReferenceSpec = { column: string; file: CanonicalFileName; keyColumn: string };

export type CanonicalFileSpec = {
  name: CanonicalFileName;
  fileName: string;
  table: string;
  optionalFile: boolean;
  columns: ColumnSpec[];
  key: string[];
  references: ReferenceSpec[];
  // Target columns holding the first `chars` characters of a staged column.
  derived?: { name: string; prefixOf: string; chars: number }[];
};

export type CanonicalFileName =
  | "offices"
  | "officers"
  | "declarations"
  | "items"
  | "inspections"
  | "events"
  | "holidays"
  | "exchange_rates"
  | "mirror_exports";

type ColumnOptions = { optional?: boolean; nullable?: boolean; pgType?: string; nullAs?: string; freeText?: boolean };

function col(name: string, type: FieldType, options: ColumnOptions = {}): ColumnSpec {
  return {
    name,
    type,
    required: !options.optional,
    notNull: !options.optional && !options.nullable,
    pgType: options.pgType ?? defaultPgType(type),
    nullAs: options.nullAs,
    freeText: options.freeText,
  };
}

function defaultPgType(type: FieldType): string {
  if (typeof type === "object") return "text";
  switch (type) {
    case "timestamp":
      return "timestamp(0)";
    case "date":
      return "date";
    case "money":
    case "nonNegativeMoney":
      return "numeric(18,2)";
    case "number":
    case "nonNegativeNumber":
      return "numeric(18,3)";
    case "positiveInteger":
    case "year":
      return "integer";
    case "workdays":
      return "integer[]";
    default:
      return "text";
  }
}

const officeRef: ReferenceSpec = { column: "office_code", file: "offices", keyColumn: "office_code" };
const declRef: ReferenceSpec = { column: "decl_id", file: "declarations", keyColumn: "decl_id" };

// Listed in load order: a file's references point only to files above it.
export const CANONICAL_FILES: CanonicalFileSpec[] = [
  {
    name: "offices",
    fileName: "offices.csv",
    table: "offices",
    optionalFile: false,
    columns: [
      col("office_code", "string"),
      col("name", "string", { freeText: true }),
      col("open_time", "hhmm"),
      col("close_time", "hhmm"),
      col("workdays", "workdays"),
    ],
    key: ["office_code"],
    references: [],
  },
  {
    name: "officers",
    fileName: "officers.csv",
    table: "officers",
    optionalFile: false,
    columns: [
      col("officer_id", "string"),
      col("full_name", "string", { freeText: true }),
      col("office_code", "string"),
      col("unit", "string"),
      col("grade", "string", { optional: true }),
      col("email", "string", { optional: true }),
    ],
    key: ["officer_id"],
    references: [officeRef],
  },
  {
    name: "declarations",
    fileName: "declarations.csv",
    table: "declarations",
    optionalFile: false,
    columns: [
      col("decl_id", "string"),
      col("office_code", "string"),
      col("flow", { oneOf: ["I", "E"] }, { pgType: '"Flow"' }),
      col("regime", "string", { nullable: true }),
      col("broker_id", "string", { nullable: true }),
      col("importer_id", "string", { nullable: true }),
      col("export_country", "country", { nullable: true }),
      col("arrival_ts", "timestamp", { optional: true }),
      col("reg_ts", "timestamp"),
      col("lane_initial", LANES, { pgType: '"Lane"' }),
      col("lane_final", LANES, { pgType: '"Lane"' }),
      col("assignment_mode", { oneOf: ["auto", "manual"] }, { pgType: '"AssignmentMode"' }),
      col("assessing_officer_id", "string", { optional: true }),
      col("asmt_ts", "timestamp", { nullable: true }),
      col("pay_ts", "timestamp", { optional: true }),
      col("release_ts", "timestamp", { optional: true }),
      col("value_initial", "money", { nullable: true }),
      col("value_final", "money", { nullable: true }),
      col("taxes_initial", "money", { nullable: true }),
      col("taxes_final", "money", { nullable: true }),
      col(
        "status",
        { oneOf: ["registered", "assessed", "paid", "released", "cancelled"] },
        { pgType: '"DeclarationStatus"' },
      ),
    ],
    key: ["decl_id"],
    references: [officeRef, { column: "assessing_officer_id", file: "officers", keyColumn: "officer_id" }],
  },
  {
    name: "items",
    fileName: "items.csv",
    table: "items",
    optionalFile: false,
    columns: [
      col("decl_id", "string"),
      col("item_no", "positiveInteger"),
      col("hs_code", "hsCode"),
      col("description", "string", { optional: true, freeText: true }),
      col("origin_country", "country"),
      col("net_kg", "nonNegativeNumber", { nullable: true }),
      col("gross_kg", "nonNegativeNumber", { nullable: true }),
      col("supp_qty", "number", { optional: true }),
      col("supp_unit", "string", { optional: true }),
      col("cif_value", "money", { nullable: true }),
      col("taxes", "money", { optional: true }),
    ],
    key: ["decl_id", "item_no"],
    references: [declRef],
    derived: [{ name: "hs6", prefixOf: "hs_code", chars: 6 }],
  },
  {
    name: "inspections",
    fileName: "inspections.csv",
    table: "inspections",
    optionalFile: false,
    columns: [
      col("decl_id", "string"),
      col("inspector_id", "string", { nullable: true }),
      col("exam_ts", "timestamp"),
      col("result", { oneOf: ["offence", "no_offence"] }, { pgType: '"InspectionResult"' }),
      col("offence_code", "string", { optional: true }),
      col("adjustment_amount", "nonNegativeMoney", { nullable: true }),
    ],
    key: ["decl_id", "exam_ts"],
    references: [declRef, { column: "inspector_id", file: "officers", keyColumn: "officer_id" }],
  },
  {
    name: "events",
    fileName: "events.csv",
    table: "events",
    optionalFile: false,
    columns: [
      col("decl_id", "string"),
      col("ts", "timestamp"),
      col(
        "action",
        { oneOf: ["register", "assign", "reroute", "assess", "amend", "pay", "release", "cancel"] },
        { pgType: '"EventAction"' },
      ),
      col("officer_id", "string", { nullable: true }),
      col("lane_from", LANES, { optional: true, pgType: '"Lane"' }),
      col("lane_to", LANES, { optional: true, pgType: '"Lane"' }),
    ],
    key: ["decl_id", "ts", "action"],
    references: [declRef, { column: "officer_id", file: "officers", keyColumn: "officer_id" }],
  },
  {
    name: "holidays",
    fileName: "holidays.csv",
    table: "holidays",
    optionalFile: true,
    columns: [col("date", "date"), col("office_code", "string", { nullable: true, nullAs: "''" })],
    key: ["date", "office_code"],
    references: [officeRef],
  },
  {
    name: "exchange_rates",
    fileName: "exchange_rates.csv",
    table: "exchange_rates",
    optionalFile: true,
    columns: [col("year", "year"), col("per_usd", "nonNegativeNumber", { pgType: "numeric(18,6)" })],
    key: ["year"],
    references: [],
  },
  {
    name: "mirror_exports",
    fileName: "mirror_exports.csv",
    table: "mirror_exports",
    optionalFile: true,
    columns: [
      col("partner_country", "country"),
      col("hs6", "hs6"),
      col("year", "year"),
      col("fob_usd", "nonNegativeMoney"),
      col("net_kg", "nonNegativeNumber", { nullable: true }),
    ],
    key: ["partner_country", "hs6", "year"],
    references: [],
  },
];

export function fileSpec(name: CanonicalFileName): CanonicalFileSpec {
  const spec = CANONICAL_FILES.find((f) => f.name === name);
  if (!spec) throw new Error(`No canonical file ${name}`);
  return spec;
}
