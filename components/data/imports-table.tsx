// The latest imports: what was loaded, when, by whom, and how much was kept or rejected.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { totals, type ImportBatchView } from "@/lib/clearance/import-batches";
import { StatusBadge } from "@/components/data/status-badge";
import { TableFrame, TableHead } from "@/components/ui/table-frame";

export async function ImportsTable({ imports }: { imports: ImportBatchView[] }) {
  const [t, format] = await Promise.all([getTranslations("data.list"), getFormatter()]);
  return (
    <TableFrame caption={t("caption")}>
      <TableHead>
        <th scope="col" className="px-4 py-3">{t("id")}</th>
        <th scope="col" className="px-4 py-3">{t("source")}</th>
        <th scope="col" className="px-4 py-3">{t("status")}</th>
        <th scope="col" className="px-4 py-3 text-right">{t("accepted")}</th>
        <th scope="col" className="px-4 py-3 text-right">{t("rejected")}</th>
        <th scope="col" className="px-4 py-3">{t("created")}</th>
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {imports.map((b) => {
          const sum = totals(b.files);
          return (
            <tr key={b.id} className="hover:bg-slate-50">
              <td className="px-4 py-3 tabular-nums">
                <Link href={`/data/imports/${b.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  #{b.id}
                </Link>
              </td>
              <td className="px-4 py-3">
                <div className="font-medium text-slate-900">{b.sourceName}</div>
                <div className="text-xs text-slate-500">{t(`kind.${b.kind}`)}</div>
              </td>
              <td className="px-4 py-3">
                <StatusBadge status={b.status} />
                {b.status === "RUNNING" ? <span className="ml-2 tabular-nums text-slate-600">{b.progress.toFixed(0)} %</span> : null}
                {b.status === "QUEUED" && b.errorKind === "interrupted" ? <div className="mt-1 text-xs text-amber-800">{t("interrupted")}</div> : null}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{b.files ? format.number(sum.accepted) : "—"}</td>
              <td className="px-4 py-3 text-right tabular-nums">{b.files ? format.number(sum.rejected) : "—"}</td>
              <td className="px-4 py-3 text-slate-600">
                {format.dateTime(new Date(b.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                {b.createdBy ? <div className="text-xs text-slate-500">{b.createdBy}</div> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableFrame>
  );
}
