// Title block at the top of every area page: the one h1 of the page and what the area is for.
export function PageHeader({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="mb-8 flex flex-col gap-4 border-b border-slate-200 pb-6 sm:flex-row sm:items-end sm:justify-between">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
        <p className="mt-2 text-base leading-relaxed text-slate-600">{description}</p>
      </div>
      {children ? <div className="flex shrink-0 gap-3">{children}</div> : null}
    </div>
  );
}
