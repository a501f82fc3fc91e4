"use client";
// Revenue per month and the forecast of the next months, with the range the forecast's past errors suggest shaded.
// Drawn with recharts like the trend chart (a range band is not a Tremor chart).
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useValueFormat } from "@/components/charts/use-value-format";

export type ForecastPoint = {
  label: string;
  actual: number | null;
  forecast: number | null;
  range: [number, number] | null;
};

export function ForecastChart({
  data,
  label,
  actualName,
  forecastName,
}: {
  data: ForecastPoint[];
  label: string;
  actualName: string;
  forecastName: string;
}) {
  const formatValue = useValueFormat("amount", true);
  return (
    <figure role="img" aria-label={label} className="m-0 h-64">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 12, fill: "#475569" }}
            tickLine={false}
            axisLine={{ stroke: "#cbd5e1" }}
          />
          <YAxis
            tickFormatter={formatValue}
            tick={{ fontSize: 12, fill: "#475569" }}
            tickLine={false}
            axisLine={false}
            width={64}
          />
          <Tooltip
            formatter={(v: number | [number, number]) =>
              Array.isArray(v) ? v.map(formatValue).join(" – ") : formatValue(v)
            }
          />
          <Area dataKey="range" stroke="none" fill="#bfd0fb" fillOpacity={0.5} isAnimationActive={false} name="±" />
          <Line
            dataKey="actual"
            name={actualName}
            stroke="#1f4fc4"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
          <Line
            dataKey="forecast"
            name={forecastName}
            stroke="#1f4fc4"
            strokeDasharray="6 4"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
