// A chart with what every chart needs around it: a heading, a one-line reading guide, the same numbers as an
// accessible table (a chart is an image to a screen reader), and an empty state when there is nothing to draw.
export type TableView = { caption: string; columns: string[]; rows: React.ReactNode[][]; numeric?: boolean[] };

export function ChartFigure({
  title,
  description,
  tableLabel,
  table,
  empty,
  children,
  testId,
  actions,
}: {
  title: string;
  description?: React.ReactNode;
  tableLabel: string;
  table: TableView;
  empty: string | null;
  children: React.ReactNode;
  testId?: string;
  // Buttons beside the table view (its downloads).
  actions?: React.ReactNode;
}) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid={testId}>
      <h3 className="text-base font-semibold text-slate-900">{title}</h3>
      {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
      {empty ? (
        <p
          className="mt-4 rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600"
          data-empty
        >
          {empty}
        </p>
      ) : (
        <>
          <div className="mt-4">{children}</div>
          {actions ? <div className="mt-3 flex justify-end">{actions}</div> : null}
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer font-medium text-brand-700 hover:underline">{tableLabel}</summary>
            <div className="mt-2 max-h-80 overflow-auto rounded border border-slate-200">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <caption className="sr-only">{table.caption}</caption>
                <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
                  <tr>
                    {table.columns.map((c, i) => (
                      <th key={c} scope="col" className={`px-3 py-2 ${table.numeric?.[i] ? "text-right" : ""}`}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {table.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, i) => (
                        <td key={i} className={`px-3 py-1.5 ${table.numeric?.[i] ? "text-right tabular-nums" : ""}`}>
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
