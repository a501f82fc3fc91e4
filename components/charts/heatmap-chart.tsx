// Broker × officer heatmap: one cell per pair, coloured by its observed/expected ratio (lib/integrity/heat-scale.ts:
// white at 1, red above, blue below, in log scale), with the joint count written in it; flagged pairs are outlined
// and open their flag. A grid of HTML cells, so it reads and zooms like text; the table view carries the numbers.
import Link from "next/link";
import { HEAT_SATURATION, heatColour, heatTextColour } from "@/lib/integrity/heat-scale";

export type HeatmapRow = { id: string; label: string; sublabel?: string };
export type HeatmapCellView = {
  row: string;
  column: string;
  ratio: number | null;
  text: string;
  title: string;
  href?: string;
  outlined?: boolean;
};

export function HeatmapChart({
  rows,
  columns,
  cells,
  label,
  corner,
  legend,
}: {
  rows: HeatmapRow[];
  columns: HeatmapRow[];
  cells: HeatmapCellView[];
  label: string;
  corner: string;
  legend: { title: string; below: string; above: string; flagged: string; ticks: string[] };
}) {
  const byKey = new Map(cells.map((c) => [`${c.row}|${c.column}`, c]));
  const ticks = [1 / HEAT_SATURATION, 1 / 4, 1 / 2, 1, 2, 4, HEAT_SATURATION];
  return (
    <figure role="img" aria-label={label} className="m-0">
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-0.5 text-xs" aria-hidden>
          <thead>
            <tr>
              <th className="sticky left-0 bg-white px-2 py-1 text-left font-medium text-slate-500">{corner}</th>
              {columns.map((c) => (
                <th key={c.id} className="h-28 w-12 align-bottom font-medium text-slate-700">
                  <div
                    className="mx-auto w-4 whitespace-nowrap [writing-mode:vertical-rl] rotate-180"
                    title={c.sublabel}
                  >
                    {c.label}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th
                  className="sticky left-0 whitespace-nowrap bg-white px-2 py-1 text-left font-medium text-slate-700"
                  title={r.sublabel}
                >
                  {r.label}
                </th>
                {columns.map((c) => {
                  const cell = byKey.get(`${r.id}|${c.id}`);
                  const style = {
                    background: heatColour(cell?.ratio ?? null),
                    color: heatTextColour(cell?.ratio ?? null),
                  };
                  const box = `flex h-10 w-12 items-center justify-center rounded-sm tabular-nums ${cell?.outlined ? "outline outline-[3px] -outline-offset-[3px] outline-slate-900 font-bold" : ""}`;
                  return (
                    <td
                      key={c.id}
                      className="p-0"
                      data-cell={`${r.id}|${c.id}`}
                      data-flagged={cell?.outlined ? "true" : undefined}
                    >
                      {cell?.href ? (
                        <Link href={cell.href} className={box} style={style} title={cell.title}>
                          {cell.text}
                        </Link>
                      ) : (
                        <div className={box} style={style} title={cell?.title}>
                          {cell?.text ?? ""}
                        </div>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figcaption className="mt-3 flex flex-wrap items-center gap-3 text-xs text-slate-600">
        <span className="font-medium text-slate-700">{legend.title}</span>
        <span>{legend.below}</span>
        <span className="inline-flex">
          {ticks.map((t, i) => (
            <span
              key={t}
              className="flex h-6 w-10 items-center justify-center tabular-nums"
              style={{ background: heatColour(t), color: heatTextColour(t) }}
            >
              {legend.ticks[i]}
            </span>
          ))}
        </span>
        <span>{legend.above}</span>
        <span className="inline-flex items-center gap-1.5">
          <span
            className="inline-block h-4 w-4 rounded-sm bg-white outline outline-[3px] -outline-offset-[3px] outline-slate-900"
            aria-hidden
          />
          {legend.flagged}
        </span>
      </figcaption>
    </figure>
  );
}
