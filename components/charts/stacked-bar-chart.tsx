"use client";
// Bars made of stacked segments, one colour per segment in a fixed order (the TRS stages of one release): where the
// time goes. recharts like the other charts with our own colours (docs/decisions/021); pages import only this wrapper.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormatter } from "next-intl";

export type StackedSegment = { key: string; name: string };
export type StackedBarDatum = { label: string } & Record<string, string | number | null>;

// Blue to amber, readable on white and told apart without colour by the legend's order.
const COLOURS = ["#94a3b8", "#1f4fc4", "#6e8fe0", "#b45309", "#047857", "#7c3aed"];

export function StackedBarChart({
  data,
  segments,
  label,
  unit,
  className = "h-60",
}: {
  data: StackedBarDatum[];
  segments: StackedSegment[];
  label: string;
  // Appended to the values in the axis and the tooltip, e.g. "h".
  unit: string;
  className?: string;
}) {
  const format = useFormatter();
  const value = (v: number) => `${format.number(v, { maximumFractionDigits: 1 })} ${unit}`;
  return (
    <figure role="img" aria-label={label} className={`m-0 ${className}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 12, fill: "#475569" }}
            tickLine={false}
            axisLine={{ stroke: "#cbd5e1" }}
          />
          <YAxis
            tickFormatter={value}
            tick={{ fontSize: 12, fill: "#475569" }}
            tickLine={false}
            axisLine={false}
            width={64}
          />
          <Tooltip formatter={(v: number, name: string) => [value(v), name]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {segments.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stackId="stages"
              fill={COLOURS[i % COLOURS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
