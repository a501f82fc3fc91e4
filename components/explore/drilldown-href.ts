// URLs of the Explore area, built from a parsed drill-down input so every link carries the same subject and period.
import type { KpiDrilldownInput } from "@/lib/explore/schema";

export function drilldownQuery(input: KpiDrilldownInput, over: Partial<Pick<KpiDrilldownInput, "only" | "page">> = {}): string {
  const merged = { ...input, ...over };
  const params = new URLSearchParams({ kpi: merged.kpi, type: merged.type, id: merged.id, from: merged.from, to: merged.to });
  if (merged.only === "numerator") params.set("only", "numerator");
  if (merged.page > 1) params.set("page", String(merged.page));
  return params.toString();
}

export const drilldownHref = (input: KpiDrilldownInput, over: Partial<Pick<KpiDrilldownInput, "only" | "page">> = {}) =>
  `/explore/kpi?${drilldownQuery(input, over)}`;

export const declarationHref = (declId: string, back?: string) =>
  `/explore/declarations/${encodeURIComponent(declId)}${back ? `?back=${encodeURIComponent(back)}` : ""}`;
