// A small strip plot of a group's values for one indicator: one dot per subject, the interquartile box with the
// median, the party's own value (dark diamond) and the proposed threshold (amber) and target (green) ticks. The
// numbers are written beside it; the picture is how far apart they are.
export function StripPlot({
  values,
  spread,
  own,
  threshold,
  target,
  label,
}: {
  values: readonly number[];
  spread: { p25: number; p50: number; p75: number } | null;
  own: number | null;
  threshold: number | null;
  target: number | null;
  label: string;
}) {
  const width = 220;
  const height = 30;
  const pad = 6;
  const marks = [...values, own, threshold, target].filter((v): v is number => v !== null && Number.isFinite(v));
  if (!marks.length) return null;
  const min = Math.min(...marks);
  const max = Math.max(...marks);
  const x = (v: number) => (max === min ? width / 2 : pad + ((v - min) / (max - min)) * (width - 2 * pad));
  const mid = height / 2;
  return (
    <svg role="img" aria-label={label} width={width} height={height} className="mt-1 block" data-testid="strip-plot">
      <line x1={pad} x2={width - pad} y1={mid} y2={mid} className="stroke-slate-200" />
      {spread ? (
        <>
          <rect
            x={x(spread.p25)}
            y={mid - 6}
            width={Math.max(1, x(spread.p75) - x(spread.p25))}
            height={12}
            className="fill-sky-100 stroke-sky-300"
          />
          <line x1={x(spread.p50)} x2={x(spread.p50)} y1={mid - 6} y2={mid + 6} className="stroke-sky-700" />
        </>
      ) : null}
      {values.map((v, i) => (
        <circle key={i} cx={x(v)} cy={mid} r={2.5} className="fill-slate-500/60" />
      ))}
      {threshold !== null && Number.isFinite(threshold) ? (
        <line x1={x(threshold)} x2={x(threshold)} y1={2} y2={height - 2} strokeWidth={2} className="stroke-amber-500" />
      ) : null}
      {target !== null && Number.isFinite(target) ? (
        <line x1={x(target)} x2={x(target)} y1={2} y2={height - 2} strokeWidth={2} className="stroke-emerald-600" />
      ) : null}
      {own !== null && Number.isFinite(own) ? (
        <path d={`M ${x(own)} ${mid - 6} l 5 6 l -5 6 l -5 -6 z`} className="fill-slate-900" />
      ) : null}
    </svg>
  );
}
