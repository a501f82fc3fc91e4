// Inputs of the integrity screens (flag inbox, triage, charts, settings), parsed at the boundary. Messages of
// refusals are keys of the "integrity.errors" namespace.
import { z } from "zod";
import { KPI_CATALOGUE, type KpiId } from "@/lib/kpis/catalogue";

// GAMING is raised by the contracts' gaming watch and RISK_DRIFT by the risk model's drift check
// (lib/risk/risk-drift.ts), not by the detection methods.
export const FLAG_METHODS = [
  "RATE_OUTLIER",
  "VALUE_OUTLIER",
  "BROKER_OFFICER_PAIR",
  "BENFORD",
  "UNIT_VALUE",
  "GAMING",
  "RISK_DRIFT",
] as const;
export const FLAG_STATES = ["NEW", "DISMISSED", "IN_CASE"] as const;
export const FLAG_SORTS = ["score-desc", "score-asc", "detected-desc", "detected-asc"] as const;
export type FlagSort = (typeof FLAG_SORTS)[number];

export const RATE_KPIS = ["I1", "I2", "I4", "I7", "I8", "I9", "I12", "P11"] as const satisfies readonly KpiId[];

const KPI_IDS = KPI_CATALOGUE.map((k) => k.id) as [KpiId, ...KpiId[]];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (s: string) => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

// A stored flag period, written "from_to" in links ("2025-01-01_2025-03-31"); "" = any.
export const PeriodKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/)
  .refine((s) => s.split("_").every(isDay) && s.slice(0, 10) <= s.slice(11))
  .or(z.literal(""));

export function periodOfKey(key: string): { from: string; to: string } | null {
  return key ? { from: key.slice(0, 10), to: key.slice(11) } : null;
}
export const periodKey = (p: { from: string; to: string }) => `${p.from}_${p.to}`;

export const FlagInboxFilters = z.object({
  method: z.enum(FLAG_METHODS).or(z.literal("")).catch(""),
  kpi: z.enum(KPI_IDS).or(z.literal("")).catch(""),
  office: z.string().trim().max(40).catch(""),
  period: PeriodKey.catch(""),
  // NEW by default: the inbox is what is left to triage; "" = every state.
  state: z
    .enum(FLAG_STATES)
    .or(z.literal(""))
    .or(z.literal("all"))
    .catch("NEW")
    .transform((s) => (s === "all" ? "" : s)),
  // "yes" by default: flags the latest detection run still raises.
  active: z.enum(["yes", "no", "all"]).catch("yes"),
  sort: z.enum(FLAG_SORTS).catch("score-desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type FlagInboxFilters = z.infer<typeof FlagInboxFilters>;

const FlagIds = z
  .preprocess(
    (v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : typeof v === "number" ? [v] : v),
    z
      .array(z.coerce.number().int().positive().max(2_147_483_647), { message: "noFlags" })
      .min(1, { message: "noFlags" })
      .max(200, { message: "tooManyFlags" }),
  )
  .transform((ids) => [...new Set(ids)].sort((a, b) => a - b));

export const DismissFlagsInput = z.object({
  flagIds: FlagIds,
  reason: z
    .string({ message: "reasonRequired" })
    .trim()
    .min(3, { message: "reasonRequired" })
    .max(2000, { message: "reasonTooLong" }),
});
export type DismissFlagsInput = z.infer<typeof DismissFlagsInput>;

// Chart pages: an office and a stored period; the funnel also a rate KPI.
export const FunnelInput = z.object({
  kpi: z.enum(RATE_KPIS).catch("I1"),
  office: z.string().trim().max(40).catch(""),
  period: PeriodKey.catch(""),
});
export const ChartInput = z.object({
  office: z.string().trim().max(40).catch(""),
  period: PeriodKey.catch(""),
  hs6: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .or(z.literal(""))
    .catch(""),
});
