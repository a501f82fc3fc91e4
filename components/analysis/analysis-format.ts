// How the analysis screens and the TRS report write their numbers (next-intl's formatter, server or client):
// durations in hours with one decimal, shares as percentages, dollars and national amounts without decimals.
import type { useFormatter } from "next-intl";

type Formatter = ReturnType<typeof useFormatter>;
type Translate = (key: "hours" | "none", values?: Record<string, string>) => string;

export function analysisFormat(format: Formatter, t: Translate) {
  const none = t("none");
  const ok = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);
  return {
    none,
    hours: (v: number | null | undefined) =>
      ok(v) ? t("hours", { value: format.number(v, { maximumFractionDigits: 1 }) }) : none,
    share: (v: number | null | undefined) =>
      ok(v) ? format.number(v, { style: "percent", maximumFractionDigits: 1 }) : none,
    signedShare: (v: number | null | undefined) =>
      ok(v) ? format.number(v, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }) : none,
    signedHours: (v: number | null | undefined) =>
      ok(v) ? t("hours", { value: format.number(v, { maximumFractionDigits: 1, signDisplay: "exceptZero" }) }) : none,
    amount: (v: number | null | undefined) => (ok(v) ? format.number(v, { maximumFractionDigits: 0 }) : none),
    ratio: (v: number | null | undefined) => (ok(v) ? format.number(v, { maximumFractionDigits: 2 }) : none),
    count: (v: number | null | undefined) => (ok(v) ? format.number(v, { maximumFractionDigits: 0 }) : none),
    // "2025-03-01" as a localized date, in UTC so a calendar day never shifts.
    day: (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }),
    month: (m: string) =>
      format.dateTime(new Date(`${m}-01T00:00:00Z`), { month: "short", year: "numeric", timeZone: "UTC" }),
    instant: (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }),
  };
}

export type AnalysisFormat = ReturnType<typeof analysisFormat>;
