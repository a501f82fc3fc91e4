"use client";
// Horizontal box plots on a log scale (unit values by HS6 × origin, or any positive values): per group the box from
// q1 to q3, the median, Tukey whiskers and the flagged items as red points that open their flag. Values arrive
// already as natural logs; the axis is labelled in the values themselves. Drawn as SVG: recharts has no box plot.
import Link from "next/link";
import { useFormatter } from "next-intl";
import { boxDomain, logValueTicks } from "@/lib/integrity/box-plot";

export type BoxPlotGroup = {
  id: string;
  label: string;
  sublabel: string;
  q1: number;
  median: number;
  q3: number;
  whiskerLow: number;
  whiskerHigh: number;
  points: { x: number; title: string; href?: string; highlighted?: boolean }[];
};

const ROW = 44;
const LEFT = 150;
const RIGHT = 24;
const TOP = 8;
const AXIS = 36;
const WIDTH = 1100;

export function BoxPlotChart({
  groups,
  label,
  axisLabel,
}: {
  groups: BoxPlotGroup[];
  label: string;
  axisLabel: string;
}) {
  const format = useFormatter();
  const [lo, hi] = boxDomain(groups.flatMap((g) => [g.whiskerLow, g.whiskerHigh, ...g.points.map((p) => p.x)]));
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo || 1)) * (WIDTH - LEFT - RIGHT);
  const height = TOP + groups.length * ROW + AXIS;
  const ticks = logValueTicks(lo, hi);
  return (
    <figure role="img" aria-label={label} className="m-0">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full" preserveAspectRatio="xMinYMin meet">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(Math.log(v))} x2={x(Math.log(v))} y1={TOP} y2={TOP + groups.length * ROW} stroke="#e2e8f0" />
            <text
              x={x(Math.log(v))}
              y={TOP + groups.length * ROW + 16}
              textAnchor="middle"
              fontSize={11}
              fill="#475569"
            >
              {format.number(v, { maximumSignificantDigits: 3 })}
            </text>
          </g>
        ))}
        <text x={(LEFT + WIDTH - RIGHT) / 2} y={height - 4} textAnchor="middle" fontSize={12} fill="#475569">
          {axisLabel}
        </text>
        {groups.map((g, i) => {
          const mid = TOP + i * ROW + ROW / 2;
          return (
            <g key={g.id} data-group={g.id}>
              <text x={LEFT - 10} y={mid - 2} textAnchor="end" fontSize={12} fill="#0f172a" fontWeight={500}>
                {g.label}
              </text>
              <text x={LEFT - 10} y={mid + 12} textAnchor="end" fontSize={10} fill="#64748b">
                {g.sublabel}
              </text>
              <line x1={x(g.whiskerLow)} x2={x(g.whiskerHigh)} y1={mid} y2={mid} stroke="#475569" />
              <line x1={x(g.whiskerLow)} x2={x(g.whiskerLow)} y1={mid - 7} y2={mid + 7} stroke="#475569" />
              <line x1={x(g.whiskerHigh)} x2={x(g.whiskerHigh)} y1={mid - 7} y2={mid + 7} stroke="#475569" />
              <rect
                x={x(g.q1)}
                y={mid - 12}
                width={Math.max(1, x(g.q3) - x(g.q1))}
                height={24}
                fill="#dbe4fb"
                stroke="#1f4fc4"
              />
              <line x1={x(g.median)} x2={x(g.median)} y1={mid - 12} y2={mid + 12} stroke="#1f4fc4" strokeWidth={2.5} />
              {g.points.map((p, j) => {
                const dot = (
                  // Spread a little up and down so items of close values stay apart.
                  <circle
                    cx={x(p.x)}
                    cy={mid + ((j % 3) - 1) * 6}
                    r={p.highlighted ? 7 : 5}
                    fill="#b91c1c"
                    fillOpacity={0.85}
                    stroke={p.highlighted ? "#0f172a" : "#ffffff"}
                    strokeWidth={p.highlighted ? 2 : 1}
                  >
                    <title>{p.title}</title>
                  </circle>
                );
                return p.href ? (
                  <Link key={j} href={p.href}>
                    {dot}
                  </Link>
                ) : (
                  <g key={j}>{dot}</g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
