// Values as the WCO Data Model writes them, turned into the canonical format's text forms: exact decimal amounts
// (BigInt, never binary floats), UTC date-times from the EDIFACT 304/102 formats, codes.

// A decimal as an integer and a scale: 12.345 = { units: 12345n, scale: 3 }.
type Decimal = { units: bigint; scale: number };

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

function parseDecimal(raw: string): Decimal | null {
  const m = DECIMAL.exec(raw.trim());
  if (!m) return null;
  const fraction = m[3] ?? "";
  const units = BigInt(m[2]! + fraction);
  return { units: m[1] === "-" ? -units : units, scale: fraction.length };
}

// Half away from zero, as amounts are rounded on customs documents.
function rescale(d: Decimal, scale: number): bigint {
  if (d.scale <= scale) return d.units * 10n ** BigInt(scale - d.scale);
  const divisor = 10n ** BigInt(d.scale - scale);
  const half = divisor / 2n;
  const q = d.units / divisor;
  const r = d.units % divisor;
  if (r >= half) return q + 1n;
  if (-r >= half) return q - 1n;
  return q;
}

function formatUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  // Trailing zeros of the fraction carry nothing: "1000.50" → "1000.5", "20.00" → "20".
  const trimmed = scale ? whole.replace(/\.?0+$/, "") : whole;
  return (negative && trimmed !== "0" ? "-" : "") + trimmed;
}

// A decimal rounded to `scale` places, optionally multiplied by a rate first; null when not a decimal.
export function decimalText(raw: string, scale: number, rate?: string | null): string | null {
  const value = parseDecimal(raw);
  if (!value) return null;
  if (!rate) return formatUnits(rescale(value, scale), scale);
  const r = parseDecimal(rate);
  if (!r) return null;
  return formatUnits(rescale({ units: value.units * r.units, scale: value.scale + r.scale }, scale), scale);
}

// Sum of decimal texts at a scale; null when there is nothing to add.
export function sumDecimals(values: (string | null)[], scale: number): string | null {
  const present = values.filter((v): v is string => v !== null);
  if (!present.length) return null;
  const total = present.reduce((sum, v) => sum + rescale(parseDecimal(v)!, scale), 0n);
  return formatUnits(total, scale);
}

// Splits `total` over weights in proportion, at `scale` places, the remainder on the last share so the shares add
// up to the total exactly. Equal shares when every weight is zero or missing.
export function splitDecimal(total: string, weights: (string | null)[], scale: number): string[] {
  const t = rescale(parseDecimal(total)!, scale);
  const w = weights.map((x) => (x === null ? 0n : rescale(parseDecimal(x)!, scale)));
  const sum = w.reduce((a, b) => a + b, 0n);
  const parts = w.map((x) => (sum > 0n ? (t * x) / sum : t / BigInt(w.length)));
  parts[parts.length - 1] = t - parts.slice(0, -1).reduce((a, b) => a + b, 0n);
  return parts.map((p) => formatUnits(p, scale));
}

// EDIFACT format 304 (YYYYMMDDhhmmss with Z or a ±hh offset) or 102 (YYYYMMDD), as "YYYY-MM-DD HH:MM:SS" in UTC.
export function wcoDateTime(raw: string, formatCode: string | undefined): string | null {
  const value = raw.trim();
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(value);
  if (!m) return null;
  if (formatCode === "102" && m[4] !== undefined) return null;
  if (formatCode === "304" && m[4] === undefined) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", zone = "Z"] = m;
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0"));
  }
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const utc = new Date(local - offsetMinutes * 60_000);
  // Date.UTC rolls 31 February over into March: such a value is not a date.
  if (
    utc.getTime() + offsetMinutes * 60_000 !== local ||
    new Date(local).getUTCDate() !== Number(d) ||
    new Date(local).getUTCMonth() !== Number(mo) - 1 ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return null;
  }
  return utc.toISOString().slice(0, 19).replace("T", " ");
}

// "YYYY-MM-DD HH:MM:SS" → format 304 in UTC ("YYYYMMDDhhmmssZ").
export function toWcoDateTime(timestamp: string): string {
  return `${timestamp.replace(/[-: T]/g, "").slice(0, 14)}Z`;
}
