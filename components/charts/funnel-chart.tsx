"use client";
// Funnel plot of a rate (RATE_OUTLIER): each officer's rate against their denominator n, the office rate p0 as a
// line, the binomial ±2σ (dashed) and ±3σ (solid) control limits as grey curves over n and, when the office is
// overdispersed, the limits that include its between-officer spread τ² in violet. Flagged officers are red
// diamonds, those beyond 3σ amber, the others blue; the officer the page is about is a black star with his name.
// recharts, as the other charts with reference lines (docs/decisions/021).
import {
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useFormatter } from "next-intl";

export type FunnelChartPoint = {
  n: number;
  p: number;
  label: string;
  group: "flagged" | "alarm" | "warning" | "inside" | "better";
  highlighted?: boolean;
  // The name written beside the highlighted officer.
  name?: string;
};
export type FunnelChartCurve = {
  n: number;
  lower2: number;
  upper2: number;
  lower3: number;
  upper3: number;
  lower2od?: number;
  upper2od?: number;
  lower3od?: number;
  upper3od?: number;
};

const COLOURS = {
  flagged: "#b91c1c",
  alarm: "#b45309",
  warning: "#e0a44c",
  inside: "#1f4fc4",
  better: "#047857",
} as const;
const LIMIT = "#64748b";
const OVERDISPERSED = "#7c3aed";
const FOCUS = "#0f172a";

type Names = {
  officers: Record<FunnelChartPoint["group"], string>;
  p0: string;
  limit2: string;
  limit3: string;
  limit2od: string;
  limit3od: string;
  focus: string;
  n: string;
  rate: string;
};

export function FunnelChart({
  points,
  curve,
  p0,
  label,
  names,
}: {
  points: FunnelChartPoint[];
  curve: FunnelChartCurve[];
  p0: number;
  label: string;
  names: Names;
}) {
  const format = useFormatter();
  const pct = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 });
  // The axis top: the first of 1, 2, 2.5, 5 × 10^k above the data, so the quarter ticks read well (as the trend chart).
  const overdispersed = curve.some((c) => c.upper3od !== undefined && c.upper3od > c.upper3 + 1e-12);
  const highest =
    Math.max(
      p0,
      ...points.map((p) => p.p),
      ...curve.map((c) => Math.max(c.upper3, overdispersed ? (c.upper3od ?? 0) : 0)),
    ) * 1.05;
  const power = 10 ** Math.floor(Math.log10(highest || 1));
  const top = Math.min(1, ([1, 2, 2.5, 4, 5, 6, 8, 10].find((m) => m * power >= highest) ?? 10) * power);
  const others = points.filter((p) => !p.highlighted);
  const focus = points.filter((p) => p.highlighted);
  const groups = (["inside", "better", "warning", "alarm", "flagged"] as const).filter((g) =>
    others.some((p) => p.group === g),
  );
  return (
    <figure role="img" aria-label={label} className="m-0 h-96">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis
            type="number"
            dataKey="n"
            name={names.n}
            domain={[curve[0]?.n ?? "dataMin", curve.at(-1)?.n ?? "dataMax"]}
            allowDuplicatedCategory={false}
            tick={{ fontSize: 12, fill: "#475569" }}
            label={{ value: names.n, position: "insideBottom", offset: -4, fontSize: 12, fill: "#475569" }}
            height={40}
          />
          <YAxis
            type="number"
            dataKey="p"
            name={names.rate}
            domain={[0, top]}
            ticks={[0, top / 4, top / 2, (3 * top) / 4, top]}
            tickFormatter={pct}
            tick={{ fontSize: 12, fill: "#475569" }}
            width={56}
          />
          <ReferenceLine
            y={p0}
            stroke="#0f172a"
            strokeWidth={1.5}
            label={{ value: names.p0, position: "insideTopRight", fill: "#0f172a", fontSize: 11 }}
          />
          <Line
            data={curve}
            dataKey="upper3"
            name={names.limit3}
            stroke={LIMIT}
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
            legendType="plainline"
          />
          <Line
            data={curve}
            dataKey="lower3"
            name={names.limit3}
            stroke={LIMIT}
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
            legendType="none"
          />
          <Line
            data={curve}
            dataKey="upper2"
            name={names.limit2}
            stroke={LIMIT}
            strokeDasharray="5 4"
            dot={false}
            isAnimationActive={false}
            legendType="plainline"
          />
          <Line
            data={curve}
            dataKey="lower2"
            name={names.limit2}
            stroke={LIMIT}
            strokeDasharray="5 4"
            dot={false}
            isAnimationActive={false}
            legendType="none"
          />
          {overdispersed
            ? (
                [
                  ["upper3od", names.limit3od, undefined, "plainline"],
                  ["lower3od", names.limit3od, undefined, "none"],
                  ["upper2od", names.limit2od, "5 4", "plainline"],
                  ["lower2od", names.limit2od, "5 4", "none"],
                ] as const
              ).map(([key, name, dash, legend]) => (
                <Line
                  key={key}
                  data={curve}
                  dataKey={key}
                  name={name}
                  stroke={OVERDISPERSED}
                  strokeWidth={1.5}
                  strokeDasharray={dash}
                  dot={false}
                  isAnimationActive={false}
                  legendType={legend}
                />
              ))
            : null}
          {groups.map((g) => (
            <Scatter
              key={g}
              name={names.officers[g]}
              data={others.filter((p) => p.group === g)}
              dataKey="p"
              fill={COLOURS[g]}
              shape={g === "flagged" ? "diamond" : "circle"}
              isAnimationActive={false}
            />
          ))}
          {focus.length ? (
            <Scatter name={names.focus} data={focus} dataKey="p" fill={FOCUS} shape="star" isAnimationActive={false}>
              <LabelList dataKey="name" position="right" fill={FOCUS} fontSize={12} fontWeight={600} />
            </Scatter>
          ) : null}
          <Tooltip
            cursor={{ strokeDasharray: "3 3" }}
            content={({ payload }) => {
              const point = payload?.[0]?.payload as Partial<FunnelChartPoint> | undefined;
              if (!point || point.label === undefined) return null;
              return (
                <div className="rounded border border-slate-200 bg-white px-3 py-2 text-xs shadow">
                  <p className="font-medium text-slate-900">{point.label}</p>
                  <p className="text-slate-600">{`${names.rate}: ${pct(point.p ?? 0)} · ${names.n}: ${format.number(point.n ?? 0)}`}</p>
                </div>
              );
            }}
          />
          <Legend verticalAlign="top" height={32} wrapperStyle={{ fontSize: 12 }} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
