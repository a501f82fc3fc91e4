// Filters of the manager overview (/dashboard), parsed at the boundary: the page's query string and its exports.
import { z } from "zod";

export const OVERVIEW_SORTS = ["score-asc", "score-desc", "trend", "party"] as const;

export const OverviewFilters = z.object({
  office: z.string().trim().max(40).catch(""),
  unit: z.string().trim().max(80).catch(""),
  // "" = the latest month with data.
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .or(z.literal(""))
    .catch(""),
  sort: z.enum(OVERVIEW_SORTS).catch("score-asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type OverviewFilters = z.infer<typeof OverviewFilters>;

export const OVERVIEW_PAGE_SIZE = 50;
