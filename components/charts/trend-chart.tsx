"use client";
// A KPI month by month against its contract's threshold and target: the band between them is shaded (the zone
// where the indicator scores between 0 and 1), the two edges are dashed lines. Tremor's line chart has no reference
// bands, so this one chart draws with recharts, the library Tremor itself is built on (docs/decisions/021).
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useValueFormat, type ValueKind } from "@/components/charts/use-value-format";

export type TrendPoint = { label: string; value: number | null };

// The axis top: the first of 1, 2, 2.5, 5 × 10^k at or above the largest value, so the quarter ticks read well.
function niceCeil(x: number): number {
  if (x <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= x) ?? 10) * power;
}

const BRAND = "#1f4fc4";
const THRESHOLD = "#b45309";
const TARGET = "#047857";

export function TrendChart({
  data,
  kind,
  band,
  label,
  thresholdName,
  targetName,
  className = "h-64",
}: {
  data: TrendPoint[];
  kind: ValueKind;
  band: { threshold: number; target: number } | null;
  label: string;
  thresholdName: string;
  targetName: string;
  className?: string;
}) {
  const formatValue = useValueFormat(kind, true);
  const largest = Math.max(
    0,
    ...data.flatMap((d) => (d.value === null ? [] : [d.value])),
    ...(band ? [band.threshold, band.target] : []),
  );
  // A share never goes past 100 %, so its axis stops there.
  const top = kind === "share" && largest <= 1 ? Math.min(1, niceCeil(largest * 1.05)) : niceCeil(largest * 1.05);
  return (
    <figure role="img" aria-label={label} className={`m-0 ${className}`}>
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
            domain={[0, top]}
            ticks={[0, top / 4, top / 2, (3 * top) / 4, top]}
            tick={{ fontSize: 12, fill: "#475569" }}
            tickLine={false}
            axisLine={false}
            width={64}
          />
          {/* Direct children, not a fragment: recharts 2 only looks for its elements one level down. */}
          {band ? (
            <ReferenceArea
              y1={Math.min(band.threshold, band.target)}
              y2={Math.max(band.threshold, band.target)}
              fill="#fef3c7"
              fillOpacity={0.7}
            />
          ) : null}
          {band ? (
            <ReferenceLine
              y={band.threshold}
              stroke={THRESHOLD}
              strokeDasharray="6 4"
              label={{ value: thresholdName, position: "insideBottomLeft", fill: THRESHOLD, fontSize: 11 }}
            />
          ) : null}
          {band ? (
            <ReferenceLine
              y={band.target}
              stroke={TARGET}
              strokeDasharray="6 4"
              label={{ value: targetName, position: "insideTopLeft", fill: TARGET, fontSize: 11 }}
            />
          ) : null}
          <Tooltip formatter={(v: number) => formatValue(v)} />
          <Line
            type="linear"
            dataKey="value"
            stroke={BRAND}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
