// The query strings of the analysis screens and exports, parsed once (docs/conventions.md: every input from outside
// through
// zod). A missing or malformed value falls back to its default rather than failing the page.
import { z } from "zod";
import { TRS_INTERVAL_IDS, TRS_LANES, type TrsInterval, type TrsPeriod } from "@/lib/trs/trs-intervals";
import { addMonths, isoDate, monthPeriod } from "@/lib/kernel/calendar";

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional().catch(undefined));

export const TrsQuery = z.object({
  from: optional(Day),
  to: optional(Day),
  baseFrom: optional(Day),
  baseTo: optional(Day),
  office: optional(z.string().max(40)),
  lane: optional(z.enum(TRS_LANES)),
  interval: optional(z.enum(TRS_INTERVAL_IDS as [TrsInterval, ...TrsInterval[]])),
  measure: optional(z.enum(["median", "mean"])),
});
export type TrsQuery = z.infer<typeof TrsQuery>;

// The period asked for, or the latest month with data (null when there is none).
export function trsPeriodOf(query: Pick<TrsQuery, "from" | "to">, latestMonth: string | null): TrsPeriod | null {
  if (query.from && query.to && query.from <= query.to) return { from: query.from, to: query.to };
  return latestMonth ? monthPeriod(latestMonth) : null;
}

// The period of the same length just before (the default "before" of a comparison): as many calendar months for
// a period of whole months (a month, a quarter, a year), else as many days.
export function previousPeriod(period: TrsPeriod): TrsPeriod {
  const startMonth = period.from.slice(0, 7);
  const endMonth = period.to.slice(0, 7);
  if (period.from.endsWith("-01") && monthPeriod(endMonth).to === period.to) {
    const months = monthIndex(endMonth) - monthIndex(startMonth) + 1;
    return { from: monthPeriod(addMonths(startMonth, -months)).from, to: monthPeriod(addMonths(startMonth, -1)).to };
  }
  const day = 86_400_000;
  const from = Date.parse(`${period.from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${period.to}T00:00:00Z`) - from) / day) + 1;
  const iso = (t: number) => isoDate(new Date(t));
  return { from: iso(from - days * day), to: iso(from - day) };
}

function monthIndex(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return y * 12 + m - 1;
}

export const MirrorQuery = z.object({
  year: z.preprocess(first, z.coerce.number().int().min(1900).max(2999).optional().catch(undefined)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
  flagged: z.preprocess(first, z.enum(["1"]).optional().catch(undefined)),
});
export type MirrorQuery = z.infer<typeof MirrorQuery>;

export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params);
}

export function queryString(values: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  return q.toString();
}
