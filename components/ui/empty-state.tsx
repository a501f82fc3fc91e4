// What an area shows while it has nothing to list yet: what will appear here, and where it comes from.
export function EmptyState({
  title,
  children,
  icon,
}: {
  title: string;
  children: React.ReactNode;
  icon?: React.ReactNode;
}) {
  return (
    <section
      aria-label={title}
      className="flex flex-col items-center rounded-lg border border-dashed border-slate-300 bg-white px-6 py-14 text-center"
    >
      {icon ? (
        <div
          className="mb-4 flex h-12 w-12 items-center justify-center rounded-full bg-brand-50 text-brand-700"
          aria-hidden
        >
          {icon}
        </div>
      ) : null}
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      <div className="mt-2 max-w-xl text-sm leading-relaxed text-slate-600">{children}</div>
    </section>
  );
}
