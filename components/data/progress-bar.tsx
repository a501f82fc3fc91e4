// An accessible progress bar: the value is announced, not only drawn.
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const shown = Math.max(0, Math.min(100, value));
  return (
    <div>
      <div className="mb-1 flex justify-between text-sm text-slate-700">
        <span>{label}</span>
        <span className="tabular-nums" data-testid="progress-value">
          {shown.toFixed(0)} %
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(shown)}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width] duration-300" style={{ width: `${shown}%` }} />
      </div>
    </div>
  );
}
