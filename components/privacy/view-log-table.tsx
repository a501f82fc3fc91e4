// Recorded views of officers' figures: who, when, what and from which page or token. Shared by the officer's own
// page and the administrators' search.
import { useFormatter, useTranslations } from "next-intl";
import type { ViewEntry } from "@/lib/view-log/list-views";
import { TableFrame, TableHead } from "@/components/ui/table-frame";

export function ViewLogTable({ views, showOfficer }: { views: ViewEntry[]; showOfficer: boolean }) {
  const t = useTranslations("privacy.viewLog");
  const format = useFormatter();
  return (
    <TableFrame caption={t("caption")} testId="view-log">
      <TableHead>
        <th scope="col" className="px-4 py-3">
          {t("when")}
        </th>
        {showOfficer ? (
          <th scope="col" className="px-4 py-3">
            {t("officer")}
          </th>
        ) : null}
        <th scope="col" className="px-4 py-3">
          {t("viewer")}
        </th>
        <th scope="col" className="px-4 py-3">
          {t("what")}
        </th>
        <th scope="col" className="px-4 py-3">
          {t("where")}
        </th>
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {views.map((v, i) => (
          <tr key={`${v.at}-${i}`}>
            <td className="whitespace-nowrap px-4 py-3">
              {format.dateTime(new Date(v.at), { dateStyle: "medium", timeStyle: "short" })}
            </td>
            {showOfficer ? <td className="px-4 py-3 font-medium">{v.officerId}</td> : null}
            <td className="px-4 py-3">{v.viewerLabel}</td>
            <td className="px-4 py-3">{t(`kinds.${v.what}`)}</td>
            <td className="max-w-xs truncate px-4 py-3 font-mono text-xs text-slate-600" title={v.source}>
              {v.source}
            </td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
