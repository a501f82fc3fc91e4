// The audit log of one record as a table: when, what, who, any columns of the record's own, and the details.
// Contracts and cases word their steps themselves (components/contracts/timeline.tsx,
// components/cases/case-timeline.tsx).
import { getFormatter } from "next-intl/server";
import { TableFrame } from "@/components/ui/table-frame";

export type AuditTimelineRow = {
  id: string | number;
  action: string;
  at: string;
  what: string;
  who: string;
  extra?: React.ReactNode[];
  details: string;
};

const th = "px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";

export async function AuditTimelineTable({
  rows,
  caption,
  columns,
  testId,
}: {
  rows: AuditTimelineRow[];
  caption: string;
  columns: { at: string; what: string; who: string; extra?: string[]; details: string };
  testId: string;
}) {
  const format = await getFormatter();
  return (
    <TableFrame caption={caption} testId={testId} flatInPrint>
      <thead className="bg-slate-50">
        <tr>
          {[columns.at, columns.what, columns.who, ...(columns.extra ?? []), columns.details].map((label) => (
            <th key={label} scope="col" className={th}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.id} data-action={row.action}>
            <td className="whitespace-nowrap px-3 py-2 text-slate-700">
              <time dateTime={row.at}>
                {format.dateTime(new Date(row.at), { dateStyle: "medium", timeStyle: "short" })}
              </time>
            </td>
            <td className="px-3 py-2 font-medium text-slate-900">{row.what}</td>
            <td className="px-3 py-2 text-slate-700" data-testid="timeline-actor">
              {row.who}
            </td>
            {(row.extra ?? []).map((cell, i) => (
              <td key={i} className="px-3 py-2 tabular-nums text-slate-700">
                {cell}
              </td>
            ))}
            <td className="max-w-md break-words px-3 py-2 text-xs text-slate-600">{row.details}</td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
