// Placeholder of a section whose numbers are being computed, announced as busy to screen readers.
export function SectionSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true" className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-sm text-slate-600">{label}</p>
      <div className="mt-3 h-32 animate-pulse rounded bg-slate-100" />
    </div>
  );
}
