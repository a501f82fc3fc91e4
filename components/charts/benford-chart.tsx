"use client";
// Benford chart of one broker: the observed share of each first digit (bars) against Benford's expected share
// log10(1 + 1/d) (line with dots).
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormatter } from "next-intl";

export type BenfordBar = { digit: number; observed: number; expected: number };

export function BenfordChart({
  data,
  label,
  names,
}: {
  data: BenfordBar[];
  label: string;
  names: { observed: string; expected: string; digit: string };
}) {
  const format = useFormatter();
  const pct = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 });
  return (
    <figure role="img" aria-label={label} className="m-0 h-72">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="digit"
            tick={{ fontSize: 12, fill: "#475569" }}
            label={{ value: names.digit, position: "insideBottom", offset: -4, fontSize: 12, fill: "#475569" }}
            height={40}
          />
          <YAxis tickFormatter={pct} tick={{ fontSize: 12, fill: "#475569" }} width={56} />
          <Tooltip formatter={(v: number) => pct(v)} />
          <Legend verticalAlign="top" height={32} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="observed" name={names.observed} fill="#6e8fe0" isAnimationActive={false} />
          <Line
            dataKey="expected"
            name={names.expected}
            stroke="#b45309"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
