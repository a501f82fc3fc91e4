// The audit page's filters, from its query string (and the export routes'): who acted (email, or "system"), what
// (an action), on which object (type and id), between which dates (UTC, inclusive), and the page.
import { z } from "zod";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value;
const Text = (max: number) => z.preprocess(blankToUndefined, z.string().max(max).optional());
const Day = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
);

export const AuditFilters = z.object({
  who: Text(320).catch(undefined),
  action: Text(100).catch(undefined),
  entityType: Text(50).catch(undefined),
  entityId: Text(200).catch(undefined),
  from: Day,
  to: Day,
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

export function parseAuditFilters(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const entries =
    params instanceof URLSearchParams
      ? Object.fromEntries(params.entries())
      : Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return AuditFilters.parse(entries);
}

// The query string of the same filters (links to other pages and to the exports).
export function auditQuery(filters: AuditFilters, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ["who", "action", "entityType", "entityId", "from", "to"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (page && page > 1) params.set("page", String(page));
  return params.toString();
}
