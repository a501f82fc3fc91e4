"use client";
// How many officers fall in each range of a KPI's values; one bar can be marked (the officer's own range on their
// page). Bars are coloured individually, which Tremor's bar chart cannot do, hence recharts.
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type HistogramBar = { label: string; count: number };

export function HistogramChart({
  data,
  label,
  highlight = -1,
  countName,
}: {
  data: HistogramBar[];
  label: string;
  highlight?: number;
  countName: string;
}) {
  return (
    <figure role="img" aria-label={label} className="m-0 h-56">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 24 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 11, fill: "#475569" }}
            tickLine={false}
            interval={0}
            angle={-25}
            textAnchor="end"
            height={56}
          />
          <YAxis
            allowDecimals={false}
            tick={{ fontSize: 12, fill: "#475569" }}
            tickLine={false}
            axisLine={false}
            width={32}
          />
          <Tooltip formatter={(v: number) => [v, countName]} />
          <Bar dataKey="count" isAnimationActive={false}>
            {data.map((_, i) => (
              <Cell key={i} fill={i === highlight ? "#b45309" : "#6e8fe0"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
