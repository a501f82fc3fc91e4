// Field parsers for the canonical CSV format (spec/clearance-data.md, "General rules"). Each returns the value in
// the text form PostgreSQL's COPY accepts, or a reason the user can act on. Pure: no I/O.
export type FieldResult = { ok: true; value: string | null } | { ok: false; reason: string };

const ok = (value: string | null): FieldResult => ({ ok: true, value });
const fail = (reason: string): FieldResult => ({ ok: false, reason });

export type FieldType =
  | "string"
  | "timestamp"
  | "date"
  | "money"
  | "nonNegativeMoney"
  | "nonNegativeNumber"
  | "number"
  | "positiveInteger"
  | "year"
  | "hhmm"
  | "workdays"
  | "country"
  | "hsCode"
  | "hs6"
  | { oneOf: readonly string[] };

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
const TIMESTAMP_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONEY = /^-?\d{1,16}(\.\d{1,2})?$/;
const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

// Years outside 1900–2999 are typing errors in clearance data (and year 0 does not exist in PostgreSQL).
function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

export function parseTimestamp(raw: string): FieldResult {
  const m = TIMESTAMP.exec(raw);
  if (!m) {
    if (TIMESTAMP_WITH_OFFSET.test(raw)) return fail("timestamp with a UTC offset: give the office's local time");
    return fail(`not a timestamp YYYY-MM-DD HH:MM:SS: "${raw}"`);
  }
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  if (!isRealDate(y!, mo!, d!) || h! > 23 || mi! > 59 || s! > 59) return fail(`no such date or time: "${raw}"`);
  return ok(`${raw.slice(0, 10)} ${raw.slice(11)}`);
}

export function parseDate(raw: string): FieldResult {
  const m = DATE.exec(raw);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return fail(`not a date YYYY-MM-DD: "${raw}"`);
  return ok(raw);
}

export function parseField(type: FieldType, raw: string): FieldResult {
  if (typeof type === "object") {
    return type.oneOf.includes(raw) ? ok(raw) : fail(`"${raw}" is not one of ${type.oneOf.join(", ")}`);
  }
  switch (type) {
    case "string":
      return ok(raw);
    case "timestamp":
      return parseTimestamp(raw);
    case "date":
      return parseDate(raw);
    case "money":
      return MONEY.test(raw) ? ok(raw) : fail(`not an amount with at most 2 decimals: "${raw}"`);
    case "nonNegativeMoney":
      if (!MONEY.test(raw)) return fail(`not an amount with at most 2 decimals: "${raw}"`);
      return raw.startsWith("-") ? fail(`negative amount: ${raw}`) : ok(raw);
    case "number":
      return NUMBER.test(raw) ? ok(raw) : fail(`not a number: "${raw}"`);
    case "nonNegativeNumber":
      if (!NUMBER.test(raw)) return fail(`not a number: "${raw}"`);
      return raw.startsWith("-") && Number(raw) !== 0 ? fail(`negative value: ${raw}`) : ok(raw);
    case "positiveInteger":
      return /^[1-9]\d{0,8}$/.test(raw) ? ok(raw) : fail(`not a whole number ≥ 1: "${raw}"`);
    case "year":
      return /^(19|20|21)\d{2}$/.test(raw) ? ok(raw) : fail(`not a year: "${raw}"`);
    case "hhmm":
      return HHMM.test(raw) ? ok(raw) : fail(`not a time HH:MM: "${raw}"`);
    case "workdays":
      return parseWorkdays(raw);
    case "country":
      return /^[A-Z]{2}$/.test(raw) ? ok(raw) : fail(`not an ISO 3166 alpha-2 country code: "${raw}"`);
    case "hsCode":
      return /^\d{6,10}$/.test(raw) ? ok(raw) : fail(`HS code must have 6 to 10 digits: "${raw}"`);
    case "hs6":
      return /^\d{6}$/.test(raw) ? ok(raw) : fail(`HS6 code must have 6 digits: "${raw}"`);
  }
}

// ISO weekdays "1,2,3,4,5" → PostgreSQL array literal "{1,2,3,4,5}".
function parseWorkdays(raw: string): FieldResult {
  const parts = raw.split(",").map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => !/^[1-7]$/.test(p))) {
    return fail(`workdays must be ISO weekdays 1-7 separated by commas: "${raw}"`);
  }
  if (new Set(parts).size !== parts.length) return fail(`a weekday is repeated: "${raw}"`);
  return ok(`{${parts.join(",")}}`);
}
