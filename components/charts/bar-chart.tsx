"use client";
// Our bar chart: a thin wrapper so pages never import Tremor directly and a Tremor upgrade stays a one-file change.
// Props are plain data (server components can pass them); number formatting follows the page's locale.
import { BarChart as TremorBarChart } from "@tremor/react";
import { useFormatter } from "next-intl";

export type BarDatum = Record<string, string | number>;

export function BarChart({
  data,
  index,
  categories,
  label,
  layout = "horizontal",
  className = "h-56",
}: {
  data: BarDatum[];
  index: string;
  categories: string[];
  // Accessible name of the chart (charts are images to a screen reader).
  label: string;
  layout?: "horizontal" | "vertical";
  className?: string;
}) {
  const format = useFormatter();
  return (
    <figure role="img" aria-label={label} className="m-0">
      <TremorBarChart
        data={data}
        index={index}
        categories={categories}
        colors={["brand"]}
        layout={layout}
        valueFormatter={(value) => format.number(value)}
        showLegend={categories.length > 1}
        allowDecimals={false}
        className={className}
      />
    </figure>
  );
}
