// How a KPI's value, threshold and target read on screen and in print, by the KPI's unit (catalogue.ts): rates as
// percentages, durations in hours, amounts without decimals. Works with next-intl's formatter on either side.
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
      return format.number(value, { maximumFractionDigits: 0 });
  }
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
      return format.number(delta, { notation: "compact", maximumFractionDigits: 1, signDisplay: "exceptZero" });
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

// Shares are typed in % in the forms and stored as fractions.
export const toDisplay = (kpiId: string, v: number) => (kpiUnit(kpiId) === "share" ? round(v * 100) : v);
export const fromDisplay = (kpiId: string, v: number) => (kpiUnit(kpiId) === "share" ? round(v / 100) : v);
const round = (v: number) => Math.round(v * 1e9) / 1e9;

// "2025-Q2" → "Q2 2025" / "T2 2025".
export function formatQuarter(t: Translate, quarter: string): string {
  const [year, q] = quarter.split("-Q");
  return t("quarterLabel", { q: q ?? "", year: year ?? "" });
}
