// The contracts list: one row per contract version shown, with its party, office, period, status, version and its
// overall score over the period so far.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ContractListRow } from "@/lib/contracts/list-contracts";
import { ContractStatusBadge } from "@/components/contracts/badges";
import { formatDay, formatScore } from "@/components/format/kpi-format";
import { partyLabel } from "@/components/contracts/party-label";
import { TableFrame, TableHead } from "@/components/ui/table-frame";

const th = "px-4 py-3";

export async function ContractsTable({
  rows,
  basePath,
  showOffice = true,
}: {
  rows: ContractListRow[];
  basePath: string;
  showOffice?: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("contracts"), getFormatter()]);
  const score = (r: ContractListRow) => {
    if (!r.scored)
      return (
        <span className="text-xs text-slate-500">
          {r.status === "DRAFT" ? t("list.notScored") : t("list.notStarted")}
        </span>
      );
    if (r.overall === null) return <span className="text-xs text-slate-500">{t("list.nothingEvaluable")}</span>;
    return <span className="font-semibold text-slate-900">{formatScore(format, r.overall, 100)}</span>;
  };
  return (
    <TableFrame caption={t("list.caption")} testId="contracts-table">
      <TableHead>
        <th scope="col" className={th}>
          {t("list.columns.contract")}
        </th>
        <th scope="col" className={th}>
          {t("list.columns.party")}
        </th>
        {showOffice ? (
          <th scope="col" className={th}>
            {t("list.columns.office")}
          </th>
        ) : null}
        <th scope="col" className={th}>
          {t("list.columns.period")}
        </th>
        <th scope="col" className={th}>
          {t("list.columns.status")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("list.columns.version")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          <abbr title={t("list.scoreHint")}>{t("list.columns.score")}</abbr>
        </th>
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id} className="hover:bg-slate-50" data-contract={r.id}>
            <td className="px-4 py-3">
              <Link
                href={`${basePath}/${r.id}`}
                className="font-medium text-brand-700 underline-offset-2 hover:underline"
              >
                {r.title}
              </Link>
              <div className="text-xs text-slate-500">{t("contractNo", { contractNo: r.contractNo })}</div>
            </td>
            <td className="px-4 py-3">
              <div className="text-slate-900">{partyLabel(t, r.party)}</div>
              <div className="text-xs text-slate-500">{t(`party.type.${r.party.type}`)}</div>
            </td>
            {showOffice ? (
              <td className="px-4 py-3">
                <div className="text-slate-900">{r.officeCode}</div>
                <div className="text-xs text-slate-500">{r.officeName}</div>
              </td>
            ) : null}
            <td className="whitespace-nowrap px-4 py-3 text-slate-700">
              {t("period", { from: formatDay(format, r.periodFrom), to: formatDay(format, r.periodTo) })}
            </td>
            <td className="px-4 py-3">
              <ContractStatusBadge status={r.status} />
            </td>
            <td className="px-4 py-3 text-right tabular-nums text-slate-700">v{r.version}</td>
            <td className="px-4 py-3 text-right tabular-nums" data-overall={r.overall ?? ""}>
              {score(r)}
            </td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
