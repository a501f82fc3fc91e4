// The files of a generated data set and their columns, in the canonical format of docs/data-format.md.

export const DATASET_HEADERS = {
  "offices.csv": ["office_code", "name", "open_time", "close_time", "workdays"],
  "officers.csv": ["officer_id", "full_name", "office_code", "unit", "grade", "email"],
  "declarations.csv": [
    "decl_id",
    "office_code",
    "flow",
    "regime",
    "broker_id",
    "importer_id",
    "export_country",
    "arrival_ts",
    "reg_ts",
    "lane_initial",
    "lane_final",
    "assignment_mode",
    "assessing_officer_id",
    "asmt_ts",
    "pay_ts",
    "release_ts",
    "value_initial",
    "value_final",
    "taxes_initial",
    "taxes_final",
    "status",
  ],
  "items.csv": [
    "decl_id",
    "item_no",
    "hs_code",
    "description",
    "origin_country",
    "net_kg",
    "gross_kg",
    "supp_qty",
    "supp_unit",
    "cif_value",
    "taxes",
  ],
  "inspections.csv": ["decl_id", "inspector_id", "exam_ts", "result", "offence_code", "adjustment_amount"],
  "events.csv": ["decl_id", "ts", "action", "officer_id", "lane_from", "lane_to"],
  "mirror_exports.csv": ["partner_country", "hs6", "year", "fob_usd", "net_kg"],
  "exchange_rates.csv": ["year", "per_usd"],
  "holidays.csv": ["date", "office_code"],
} as const;

export type DatasetFile = keyof typeof DATASET_HEADERS;

export const MANIFEST_FILE = "manifest.json";
