// One cell of a clearance record: timestamps stay office-local wall-clock text, amounts and measures are formatted
// in the user's language, booleans read yes/no, missing values a dash.
import { getFormatter, getTranslations } from "next-intl/server";

const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;
// Identifiers that look like numbers but are not quantities.
const CODES = new Set([
  "decl_id",
  "hs6",
  "hs_code",
  "item_no",
  "import_batch_id",
  "officer_id",
  "inspector_id",
  "assessing_officer_id",
]);

export async function formatCell(column: string, value: unknown): Promise<string> {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return (await getTranslations("explore.kpi"))(value ? "yes" : "no");
  if (CODES.has(column)) return String(value);
  // Enumerated codes (status, inspection result, event action, assignment mode) in the user's language.
  const values = await getTranslations("explore.values");
  if (typeof value === "string" && values.has(`${column}.${value}`)) return values(`${column}.${value}` as never);
  const format = await getFormatter();
  if (typeof value === "number") return format.number(value, { maximumFractionDigits: 2 });
  if (typeof value === "string" && NUMERIC_TEXT.test(value))
    return format.number(Number(value), { maximumFractionDigits: 3 });
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}
