// The filters of the selectivity screen and its exports, parsed from the query string: an office (empty = every
// office the user may see), a range of months (empty = the last six with results) and which lane to group by
// (the risk engine's initial lane or the final one after re-routing).
import { z } from "zod";

const Month = z.union([z.literal(""), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)]);
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const SelectivityFilters = z.object({
  office: z.preprocess(first, z.string().max(40).default("")),
  from: z.preprocess(first, Month.default("")),
  to: z.preprocess(first, Month.default("")),
  lanes: z.preprocess(first, z.enum(["initial", "final"]).catch("initial").default("initial")),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).catch(1).default(1)),
});
export type SelectivityFilters = z.infer<typeof SelectivityFilters>;

export const DEFAULT_MONTHS = 6;

// The months the filters cover among those with results: an explicit range, else the last DEFAULT_MONTHS.
export function coveredMonths(
  months: readonly string[],
  filters: Pick<SelectivityFilters, "from" | "to">,
): { from: string; to: string } | null {
  if (!months.length) return null;
  const to = filters.to || months.at(-1)!;
  const from = filters.from || months[Math.max(0, months.filter((m) => m <= to).length - DEFAULT_MONTHS)] || months[0]!;
  return from <= to ? { from, to } : { from: to, to: from };
}
