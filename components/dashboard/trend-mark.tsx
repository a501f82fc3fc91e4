// A trend arrow with its words for screen readers; for a score, up is always good.
import { getTranslations } from "next-intl/server";
import type { Trend } from "@/lib/dashboard/trend";

const MARKS: Record<Trend, string> = { up: "▲", down: "▼", flat: "▶" };

export type TrendWords = Record<Trend | "none", string>;

// Looked up once per table, not once per row (a page of the overview has fifty).
export async function trendWords(): Promise<TrendWords> {
  const t = await getTranslations("dashboard.trend");
  return { up: t("up"), down: t("down"), flat: t("flat"), none: t("none") };
}

// `good` overrides the colour for a KPI whose lower values are better; `deltaText` is the change in the row's own
// unit (score points, percentage points, hours, amounts).
export function TrendMark({
  trend,
  words,
  deltaText,
  good,
}: {
  trend: { trend: Trend } | null;
  words: TrendWords;
  deltaText: string;
  good?: boolean | null;
}) {
  if (!trend) return <span className="text-xs text-slate-500">{words.none}</span>;
  const isGood = good !== undefined ? good : trend.trend === "flat" ? null : trend.trend === "up";
  const tone = isGood === null ? "text-slate-500" : isGood ? "text-emerald-700" : "text-red-700";
  return (
    <span className={`inline-flex items-center gap-1 text-xs font-medium ${tone}`} data-trend={trend.trend}>
      <span aria-hidden>{MARKS[trend.trend]}</span>
      <span>{deltaText}</span>
      <span className="sr-only">{words[trend.trend]}</span>
    </span>
  );
}
