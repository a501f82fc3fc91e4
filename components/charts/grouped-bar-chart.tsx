"use client";
// Bars side by side for a few series over one index (the model against a random selection and the fraud share at
// each n), each series its own colour and named in the legend. Tremor's bar chart colours one series only in our
// palette, so this one draws with recharts, as trend-chart.tsx does. Values are plotted as given; `unit` is appended
// on the axis and in the tooltip.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormatter } from "next-intl";

export type BarSeries = { key: string; name: string; color: string };

export function GroupedBarChart({
  data,
  index,
  series,
  label,
  unit = "",
  className = "h-64",
}: {
  data: Record<string, string | number | null>[];
  index: string;
  series: BarSeries[];
  label: string;
  unit?: string;
  className?: string;
}) {
  const format = useFormatter();
  const show = (v: number) => `${format.number(v, { maximumFractionDigits: 1 })}${unit}`;
  return (
    <figure role="img" aria-label={label} className={`m-0 ${className}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey={index}
            tick={{ fontSize: 12, fill: "#475569" }}
            tickLine={false}
            axisLine={{ stroke: "#cbd5e1" }}
          />
          <YAxis
            tickFormatter={show}
            tick={{ fontSize: 12, fill: "#475569" }}
            tickLine={false}
            axisLine={false}
            width={56}
          />
          <Tooltip formatter={(v: number) => show(v)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              isAnimationActive={false}
              radius={[3, 3, 0, 0]}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
