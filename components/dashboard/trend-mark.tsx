// A trend arrow with its words for screen readers; for a score, up is always good.
import { getFormatter, getTranslations } from "next-intl/server";
import type { Trend } from "@/lib/dashboard/trend";

const MARKS: Record<Trend, { mark: string }> = { up: { mark: "▲" }, down: { mark: "▼" }, flat: { mark: "▶" } };

// `good` overrides the colour for a KPI whose lower values are better; `deltaText` the score-point wording for a
// KPI's own unit (percentage points, hours, amounts).
export async function TrendMark({ trend, good, deltaText }: { trend: { trend: Trend; delta: number } | null; good?: boolean | null; deltaText?: string }) {
  const [t, format] = await Promise.all([getTranslations("dashboard.trend"), getFormatter()]);
  if (!trend) return <span className="text-xs text-slate-500">{t("none")}</span>;
  const { mark } = MARKS[trend.trend];
  const isGood = good !== undefined ? good : trend.trend === "flat" ? null : trend.trend === "up";
  const tone = isGood === null ? "text-slate-500" : isGood ? "text-emerald-700" : "text-red-700";
  const delta = deltaText ?? format.number(trend.delta, { maximumFractionDigits: 1, signDisplay: "exceptZero" });
  return (
    <span className={`inline-flex items-center gap-1 text-xs font-medium ${tone}`} data-trend={trend.trend}>
      <span aria-hidden>{mark}</span>
      <span>{delta}</span>
      <span className="sr-only">{t(trend.trend)}</span>
    </span>
  );
}
