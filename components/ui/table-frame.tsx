// The frame of every data table: scrolls sideways on small screens, and names the table for screen readers.
export function TableFrame({
  caption,
  testId,
  smallText = true,
  flatInPrint = false,
  children,
}: {
  caption: React.ReactNode;
  testId?: string;
  /** Sets `text-sm` on the table; turn off for tables whose cells size their own text. */
  smallText?: boolean;
  /** Drops the card shadow when printed (pages that have a print layout). */
  flatInPrint?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div
      className={`overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm${flatInPrint ? " print:shadow-none" : ""}`}
    >
      <table className={`min-w-full divide-y divide-slate-200${smallText ? " text-sm" : ""}`} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

// The header row of a data table, in the style the tables share.
export function TableHead({ children }: { children: React.ReactNode }) {
  return (
    <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
      <tr>{children}</tr>
    </thead>
  );
}
