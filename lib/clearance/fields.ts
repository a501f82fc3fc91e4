// Field parsers for the canonical CSV format (docs/data-format.md, "General rules"). Each returns the value in
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

const TIMESTAMP_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONEY = /^-?\d{1,16}(\.\d{1,2})?$/;
const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;
// 24:00 closes an office open round the clock (PostgreSQL reads it as the end of the day).
const HHMM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

// Years outside 1900–2999 are typing errors in clearance data (and year 0 does not exist in PostgreSQL).
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Digits at [from, from + length) as a number, or -1: hand-rolled because imports check millions of timestamps.
function digits(raw: string, from: number, length: number): number {
  let n = 0;
  for (let i = from; i < from + length; i++) {
    const c = raw.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function isRealDateAt(raw: string): boolean {
  const y = digits(raw, 0, 4);
  const m = digits(raw, 5, 2);
  const d = digits(raw, 8, 2);
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0);
}

export function parseTimestamp(raw: string): FieldResult {
  const sep = raw.charCodeAt(10);
  const shaped =
    raw.length === 19 &&
    raw.charCodeAt(4) === 45 &&
    raw.charCodeAt(7) === 45 &&
    (sep === 32 || sep === 84) &&
    raw.charCodeAt(13) === 58 &&
    raw.charCodeAt(16) === 58;
  if (!shaped) {
    if (TIMESTAMP_WITH_OFFSET.test(raw)) return fail("timestamp with a UTC offset: give the office's local time");
    return fail(`not a timestamp YYYY-MM-DD HH:MM:SS: "${raw}"`);
  }
  const h = digits(raw, 11, 2);
  const mi = digits(raw, 14, 2);
  const sec = digits(raw, 17, 2);
  if (h < 0 || mi < 0 || sec < 0) return fail(`not a timestamp YYYY-MM-DD HH:MM:SS: "${raw}"`);
  if (!isRealDateAt(raw) || h > 23 || mi > 59 || sec > 59) return fail(`no such date or time: "${raw}"`);
  return ok(sep === 32 ? raw : `${raw.slice(0, 10)} ${raw.slice(11)}`);
}

export function parseDate(raw: string): FieldResult {
  if (!DATE.test(raw) || !isRealDateAt(raw)) return fail(`not a date YYYY-MM-DD: "${raw}"`);
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
