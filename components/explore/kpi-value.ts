// A KPI value in the user's language, by the unit its catalogue entry gives.
import type { KpiDefinition } from "@/lib/kpis/catalogue";

type NumberFormat = {
  number: (value: number, options: { style?: "percent"; maximumFractionDigits: number }) => string;
};
type Translate = (key: "units.hours" | "units.perDay", values: { value: string }) => string;

export function formatKpiValue(unit: KpiDefinition["unit"], value: number, format: NumberFormat, t: Translate): string {
  switch (unit) {
    case "share":
      return format.number(value, { style: "percent", maximumFractionDigits: 1 });
    case "hours":
      return t("units.hours", { value: format.number(value, { maximumFractionDigits: 1 }) });
    case "perDay":
      return t("units.perDay", { value: format.number(value, { maximumFractionDigits: 1 }) });
    case "amount":
      return format.number(value, { maximumFractionDigits: 2 });
  }
}
