// The flags behind one subject of the work queue: each one opens its flag page (identity, state and evidence as
// detection left them), with its period, score, one-sided p-value and whether it survives the false discovery rate
// control of its method and period (with the number of tests m it was controlled over).
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RankedFlag } from "@/lib/integrity/rank-subjects";
import { TableFrame, TableHead } from "@/components/ui/table-frame";
import { formatPeriod } from "@/components/integrity/period-label";
import { formatScoreOf } from "@/components/integrity/flag-format";
import { formatPValue } from "@/components/integrity/triage-format";

const th = "px-3 py-3";

export async function SubjectFlagsTable({
  flags,
  names,
  caption,
}: {
  flags: RankedFlag[];
  names: Map<string, string>;
  caption: string;
}) {
  const [t, ti, te, tp, format] = await Promise.all([
    getTranslations("triage.subject.flags"),
    getTranslations("integrity"),
    getTranslations("explore"),
    getTranslations("integrity.period"),
    getFormatter(),
  ]);
  const methodName = (m: string) => (ti.has(`methods.${m}` as never) ? ti(`methods.${m}` as never) : m);
  const about = (f: RankedFlag) => {
    if (f.method === "BROKER_OFFICER_PAIR")
      return t("pair", { broker: f.subjectId, officer: names.get(f.relatedId) ?? f.relatedId });
    if (f.subjectType === "declaration") return t("item", { decl: f.subjectId, item: f.relatedId });
    if (f.subjectType === "officer") return names.get(f.subjectId) ?? f.subjectId;
    return f.subjectId;
  };
  const sorted = [...flags].sort((a, b) => a.log10P - b.log10P || a.id - b.id);
  return (
    <TableFrame caption={caption} testId="subject-flags">
      <TableHead>
        <th scope="col" className={th}>
          {t("flag")}
        </th>
        <th scope="col" className={th}>
          {t("about")}
        </th>
        <th scope="col" className={th}>
          {t("period")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("score")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("pValue")}
        </th>
        <th scope="col" className={th}>
          {t("fdr")}
        </th>
        <th scope="col" className={th}>
          {t("office")}
        </th>
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {sorted.map((f) => (
          <tr
            key={f.id}
            className="align-top hover:bg-slate-50"
            data-flag={f.id}
            data-survives={f.survives ? "yes" : "no"}
          >
            <td className="px-3 py-2.5">
              <Link href={`/integrity/flags/${f.id}`} className="font-medium text-brand-700 hover:underline">
                {t("flagLink", { id: f.id })}
              </Link>
              <span className="block text-xs text-slate-600">
                {methodName(f.method)}
                {f.kpiId
                  ? ` · ${f.kpiId} ${te.has(`names.${f.kpiId}` as never) ? te(`names.${f.kpiId}` as never) : ""}`
                  : ""}
              </span>
            </td>
            <td className="px-3 py-2.5">{about(f)}</td>
            <td className="px-3 py-2.5 whitespace-nowrap">{formatPeriod(format, tp, f.periodFrom, f.periodTo)}</td>
            <td className="px-3 py-2.5 text-right tabular-nums">{formatScoreOf(format, f.method, f.score)}</td>
            <td className="px-3 py-2.5 text-right tabular-nums">{formatPValue(format, f.log10P)}</td>
            <td className="px-3 py-2.5">
              {f.survives ? (
                <span className="inline-flex rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-inset ring-emerald-600/20">
                  {t("survives", { m: f.tests })}
                </span>
              ) : (
                <span className="inline-flex rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
                  {t("doesNotSurvive", { m: f.tests })}
                </span>
              )}
            </td>
            <td className="px-3 py-2.5">{f.officeCode ?? t("allOffices")}</td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
