// The KPIs that have an observed/expected value (docs/indicators.md, "Fair comparison"): the rates over the
// declarations (B) with a counted numerator, whose expected count indirect standardisation can give. Pure, so the
// contract forms (client side) can offer "score on O/E" for exactly these, and the schema refuse it for others.
import { KPI_CATALOGUE, type KpiDefinition, type KpiId } from "@/lib/kpis/catalogue";

export const STANDARDISED_KPIS: readonly KpiId[] = KPI_CATALOGUE.filter(
  (k: KpiDefinition) =>
    k.set === "B" && k.kind === "ratio" && k.unit === "share" && k.numerator !== undefined && "count" in k.numerator,
).map((k) => k.id);

export const isStandardised = (kpiId: string): boolean => (STANDARDISED_KPIS as readonly string[]).includes(kpiId);
