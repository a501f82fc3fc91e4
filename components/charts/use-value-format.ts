"use client";
// One number formatter for every chart, by the kind of value it plots (the KPI units of catalogue.ts, plus
// money for revenue): the axis, the tooltip and the table view then read alike.
import { useFormatter, useTranslations } from "next-intl";
import { moneyNumber } from "@/components/format/kpi-format";

// ratio: an observed/expected ratio, for an indicator a contract scores on it.
export type ValueKind = "share" | "hours" | "amount" | "perDay" | "count" | "ratio";

export function useValueFormat(kind: ValueKind, compact = false): (value: number) => string {
  const format = useFormatter();
  const t = useTranslations("contracts");
  return (value) => {
    switch (kind) {
      case "share":
        return format.number(value, { style: "percent", maximumFractionDigits: 1 });
      case "hours":
        return t("hoursValue", { value: format.number(value, { maximumFractionDigits: 1 }) });
      case "perDay":
        return t("perDayValue", { value: format.number(value, { maximumFractionDigits: 1 }) });
      case "amount":
        return t("moneyValue", { value: moneyNumber(format, value, compact ? { compact } : {}) });
      case "count":
        return format.number(value, { maximumFractionDigits: 0 });
      case "ratio":
        return format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
  };
}
