// Per-file outcome of an import, with the rejected rows of each file to download, fix and import again.
import { getFormatter, getTranslations } from "next-intl/server";
import type { FileCounts } from "@/lib/clearance/import-pipeline";
import { CANONICAL_FILES } from "@/lib/clearance/canonical-files";
import { TableHead } from "@/components/ui/table-frame";

// In load order (offices first), whatever order the stored JSON returns them in.
const rank = (file: string) => {
  const i = CANONICAL_FILES.findIndex((s) => s.fileName === file);
  return i === -1 ? CANONICAL_FILES.length : i;
};

export async function FileCountsTable({
  id,
  files,
  rejectedFiles,
}: {
  id: number;
  files: Record<string, FileCounts>;
  rejectedFiles: { file: string; rows: number }[];
}) {
  const [t, format] = await Promise.all([getTranslations("data.files"), getFormatter()]);
  const n = (v: number) => format.number(v);
  return (
    <section aria-labelledby="files-title" className="space-y-3">
      <h2 id="files-title" className="text-lg font-semibold text-slate-900">{t("title")}</h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <TableHead>
            <th scope="col" className="px-4 py-3">{t("file")}</th>
            <th scope="col" className="px-4 py-3 text-right">{t("read")}</th>
            <th scope="col" className="px-4 py-3 text-right">{t("accepted")}</th>
            <th scope="col" className="px-4 py-3 text-right">{t("rejected")}</th>
            <th scope="col" className="px-4 py-3 text-right">{t("inserted")}</th>
            <th scope="col" className="px-4 py-3 text-right">{t("updated")}</th>
            <th scope="col" className="px-4 py-3 text-right">{t("unchanged")}</th>
            <th scope="col" className="px-4 py-3">{t("notes")}</th>
          </TableHead>
          <tbody className="divide-y divide-slate-100">
            {Object.entries(files).sort(([a], [b]) => rank(a) - rank(b)).map(([file, c]) => (
              <tr key={file} data-file={file}>
                <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">{file}</th>
                <td className="px-4 py-3 text-right tabular-nums">{n(c.read)}</td>
                <td className="px-4 py-3 text-right tabular-nums" data-testid={`accepted-${file}`}>{n(c.accepted)}</td>
                <td className={`px-4 py-3 text-right tabular-nums ${c.rejected ? "font-semibold text-red-700" : ""}`} data-testid={`rejected-${file}`}>
                  {n(c.rejected)}
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{n(c.inserted)}</td>
                <td className="px-4 py-3 text-right tabular-nums">{n(c.updated)}</td>
                <td className="px-4 py-3 text-right tabular-nums">{n(c.unchanged)}</td>
                <td className="px-4 py-3 text-slate-600">
                  {c.error ? <div className="text-red-700">{c.error}</div> : null}
                  {c.dependent ? <div className="text-red-800">{t("dependent", { count: c.dependent })}</div> : null}
                  {c.warnings.map((w) => <div key={w}>{w}</div>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rejectedFiles.length ? (
        <div className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-medium">{t("rejectedHelp")}</p>
          <ul className="mt-2 flex flex-wrap gap-3">
            {rejectedFiles.map((r) => (
              <li key={r.file}>
                <a
                  className="inline-flex items-center gap-1 rounded-md bg-white px-3 py-1.5 font-medium text-red-800 ring-1 ring-inset ring-red-300 hover:bg-red-100"
                  href={`/api/imports/${id}/rejected?file=${encodeURIComponent(r.file)}`}
                  download
                >
                  {t("download", { file: r.file, rows: r.rows })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
