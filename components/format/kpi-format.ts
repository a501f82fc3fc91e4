// How a KPI's value, threshold and target read on screen and in print, by the KPI's unit (catalogue.ts): rates as
// percentages, durations in hours, money always with its currency (the national currency setting, written into the
// "contracts.moneyValue" message when the catalogue loads), large sums abbreviated in the reader's language
// ("9.1M XAF", "9,1 M XAF"). Works with next-intl's formatter on either side.
import type { useFormatter } from "next-intl";
import { KPI_CATALOGUE, type KpiDefinition } from "@/lib/kpis/catalogue";

// next-intl's formatter, as useFormatter() (client) and getFormatter() (server) both return it.
type Formatter = ReturnType<typeof useFormatter>;
type Translate = (key: string, values?: Record<string, string | number>) => string;

export type KpiUnit = KpiDefinition["unit"];

export function kpiUnit(kpiId: string): KpiUnit {
  return KPI_CATALOGUE.find((k) => k.id === kpiId)?.unit ?? "amount";
}

export function formatKpiValue(format: Formatter, t: Translate, kpiId: string, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  switch (kpiUnit(kpiId)) {
    case "share":
      return format.number(value, { style: "percent", maximumFractionDigits: 1 });
    case "hours":
      return t("hoursValue", { value: format.number(value, { maximumFractionDigits: 1 }) });
    case "perDay":
      return t("perDayValue", { value: format.number(value, { maximumFractionDigits: 1 }) });
    case "amount":
      return formatMoney(format, t, value);
  }
}

// A contract term or measured value in the basis the indicator is scored on: an O/E ratio with two decimals
// ("0.95", "0,95"), otherwise the KPI's own unit.
export function formatTermValue(
  format: Formatter,
  t: Translate,
  kpiId: string,
  basis: "RAW" | "OE" | null | undefined,
  value: number | null,
): string {
  if (basis !== "OE") return formatKpiValue(format, t, kpiId, value);
  return formatRatio(format, value);
}

export function formatRatio(format: Formatter, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

// From a million on, money is abbreviated (compact notation of the reader's language); below, written in full.
export const COMPACT_MONEY_FROM = 1_000_000;

// Any money value, on screen, in a chart or in print: the number and the currency, never the number alone.
export function formatMoney(
  format: Formatter,
  t: Translate,
  value: number | null,
  options: { compact?: boolean; signed?: boolean } = {},
): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return t("moneyValue", { value: moneyNumber(format, value, options) });
}

// The number part of a money value; the "contracts.moneyValue" message adds the currency (formatMoney does both).
export function moneyNumber(
  format: Formatter,
  value: number,
  options: { compact?: boolean; signed?: boolean } = {},
): string {
  const compact = options.compact ?? Math.abs(value) >= COMPACT_MONEY_FROM;
  return format.number(value, {
    ...(compact ? { notation: "compact" as const, maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }),
    ...(options.signed ? { signDisplay: "exceptZero" as const } : {}),
  });
}

// A change of a KPI's value in its own unit, signed: shares in percentage points, hours, amounts.
export function formatKpiDelta(format: Formatter, t: Translate, kpiId: string, delta: number): string {
  const signed = (v: number, digits: number) =>
    format.number(v, { maximumFractionDigits: digits, signDisplay: "exceptZero" });
  switch (kpiUnit(kpiId)) {
    case "share":
      return t("pointsValue", { value: signed(delta * 100, 1) });
    case "hours":
      return t("hoursValue", { value: signed(delta, 1) });
    case "perDay":
      return t("perDayValue", { value: signed(delta, 1) });
    case "amount":
      return formatMoney(format, t, delta, { compact: true, signed: true });
  }
}

// Indicator scores are 0..1 and the overall score 0..100: both shown on 0..100.
export function formatScore(format: Formatter, score: number | null, scale: 1 | 100 = 1): string {
  if (score === null) return "—";
  return format.number(score * (scale === 1 ? 100 : 1), { maximumFractionDigits: 1 });
}

// "2025-03-01" → a localized date (calendar days are shown in UTC so they never shift by a day).
export function formatDay(format: Formatter, day: string): string {
  return format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
}

export function formatMonth(format: Formatter, month: string): string {
  return format.dateTime(new Date(`${month}-01T00:00:00Z`), { month: "long", year: "numeric", timeZone: "UTC" });
}

// Shares are typed in % in the forms and stored as fractions; O/E terms are typed and stored as ratios.
const inPercent = (kpiId: string, basis?: "RAW" | "OE") => basis !== "OE" && kpiUnit(kpiId) === "share";
export const toDisplay = (kpiId: string, v: number, basis?: "RAW" | "OE") =>
  inPercent(kpiId, basis) ? round(v * 100) : v;
export const fromDisplay = (kpiId: string, v: number, basis?: "RAW" | "OE") =>
  inPercent(kpiId, basis) ? round(v / 100) : v;
const round = (v: number) => Math.round(v * 1e9) / 1e9;

// "2025-Q2" → "Q2 2025" / "T2 2025".
export function formatQuarter(t: Translate, quarter: string): string {
  const [year, q] = quarter.split("-Q");
  return t("quarterLabel", { q: q ?? "", year: year ?? "" });
}

// Clearance columns holding money (declared values, taxes, adjustments): their headers say the currency.
export const MONEY_COLUMNS: ReadonlySet<string> = new Set([
  "taxes_initial",
  "taxes_final",
  "value_initial",
  "value_final",
  "adjustment_amount",
  "cif_value",
  "taxes",
]);

export function moneyHeader(t: Translate, label: string): string {
  return t("moneyHeader", { label });
}
