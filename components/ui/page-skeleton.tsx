// Placeholder while an area page loads: the shape of a page header and a content block, announced as busy.
export function PageSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true" aria-label={label} className="animate-pulse">
      <div className="mb-8 border-b border-slate-200 pb-6">
        <div className="h-8 w-72 max-w-full rounded bg-slate-200" />
        <div className="mt-3 h-4 w-[36rem] max-w-full rounded bg-slate-200" />
        <div className="mt-2 h-4 w-[28rem] max-w-full rounded bg-slate-200" />
      </div>
      <div className="h-64 rounded-lg bg-slate-200/70" />
      <span className="sr-only">{label}</span>
    </div>
  );
}
