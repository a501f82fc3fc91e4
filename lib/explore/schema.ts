// Inputs of the Explore area (drill-down page, its exports), parsed at the boundary (docs/conventions.md, "Data
// access").
import { z } from "zod";
import { KPI_CATALOGUE, type KpiId } from "@/lib/kpis/catalogue";

const KPI_IDS = KPI_CATALOGUE.map((k) => k.id) as [KpiId, ...KpiId[]];
export const DRILLDOWN_SORTS = ["natural", "measure_desc", "measure_asc", "decl"] as const;
export type DrilldownSort = (typeof DRILLDOWN_SORTS)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

export const KpiDrilldownInput = z
  .object({
    kpi: z.enum(KPI_IDS),
    type: z.enum(["officer", "unit", "office"]),
    id: z.string().trim().min(1).max(120),
    from: isoDate,
    to: isoDate,
    only: z.enum(["numerator", "all"]).default("all"),
    // Row order: the set's own (time, then id), by measure either way, or by declaration id.
    sort: z.enum(DRILLDOWN_SORTS).default("natural"),
    // Declarations whose id starts with this.
    q: z.string().trim().max(60).default(""),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  .refine((v) => v.from <= v.to, { message: "from must not be after to", path: ["to"] });
export type KpiDrilldownInput = z.infer<typeof KpiDrilldownInput>;

// URLSearchParams or a Next.js searchParams object → a plain record of first values.
export function firstValues(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v !== undefined && out[key] === undefined) out[key] = v;
  }
  return out;
}
