// A flag or KPI period as people say it: "2025", "Q2 2025", "May 2025", or the two days of any other range.
import type { useFormatter } from "next-intl";
import { periodKind } from "@/lib/integrity/period-kind";
import { formatDay, formatMonth } from "@/components/format/kpi-format";

type Formatter = ReturnType<typeof useFormatter>;
type Translate = (key: string, values?: Record<string, string | number>) => string;

// t: the "integrity.period" messages.
export function formatPeriod(format: Formatter, t: Translate, from: string, to: string): string {
  const p = periodKind(from, to);
  switch (p.kind) {
    case "year":
      return t("year", { year: p.year });
    case "quarter":
      return t("quarter", { quarter: p.quarter, year: p.year });
    case "month":
      return formatMonth(format, from.slice(0, 7));
    case "range":
      return t("range", { from: formatDay(format, from), to: formatDay(format, to) });
  }
}
