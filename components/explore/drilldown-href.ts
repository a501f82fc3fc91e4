// URLs of the Explore area, built from a parsed drill-down input so every link carries the same subject and period.
import type { KpiDrilldownInput } from "@/lib/explore/schema";

type LinkInput = Omit<KpiDrilldownInput, "sort" | "q"> & Partial<Pick<KpiDrilldownInput, "sort" | "q">>;
type Over = Partial<Pick<KpiDrilldownInput, "only" | "page" | "sort" | "q">>;

export function drilldownQuery(input: LinkInput, over: Over = {}): string {
  const merged = { ...input, ...over };
  const params = new URLSearchParams({
    kpi: merged.kpi,
    type: merged.type,
    id: merged.id,
    from: merged.from,
    to: merged.to,
  });
  if (merged.only === "numerator") params.set("only", "numerator");
  if (merged.sort && merged.sort !== "natural") params.set("sort", merged.sort);
  if (merged.q) params.set("q", merged.q);
  if (merged.page > 1) params.set("page", String(merged.page));
  return params.toString();
}

export const drilldownHref = (input: LinkInput, over: Over = {}) => `/explore/kpi?${drilldownQuery(input, over)}`;

export const declarationHref = (declId: string, back?: string) =>
  `/explore/declarations/${encodeURIComponent(declId)}${back ? `?back=${encodeURIComponent(back)}` : ""}`;
