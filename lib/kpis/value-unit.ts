// The unit a KPI value is written in, for export headers and columns: a rate as a fraction ("share"), hours, days'
// throughput, or money in the national currency (CURRENCY_CODE), so no exported amount lacks its currency.
import { env } from "@/lib/env";
import { kpiDefinition, type KpiId } from "@/lib/kpis/catalogue";

export function valueUnit(kpiId: KpiId): string {
  const unit = kpiDefinition(kpiId).unit;
  return unit === "amount" ? env.CURRENCY_CODE : unit === "perDay" ? "per_day" : unit;
}

// `value` or, for money, `value_XAF`.
export const valueColumn = (kpiId: KpiId, stem = "value") =>
  kpiDefinition(kpiId).unit === "amount" ? `${stem}_${env.CURRENCY_CODE}` : stem;
