// Query of the office and unit pages: which KPI to chart and which month to break down.
import { z } from "zod";
import { KPI_CATALOGUE, type KpiId } from "@/lib/kpis/catalogue";

const KPI_IDS = KPI_CATALOGUE.map((k) => k.id) as [KpiId, ...KpiId[]];

export const SubjectFilters = z.object({
  kpi: z.enum(KPI_IDS).catch("P1"),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .or(z.literal(""))
    .catch(""),
});
export type SubjectFilters = z.infer<typeof SubjectFilters>;
