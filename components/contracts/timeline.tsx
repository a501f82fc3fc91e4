// The lifecycle of a contract as recorded in the audit log: every transition, who made it and when.
import { getFormatter, getTranslations } from "next-intl/server";
import type { TimelineEntry } from "@/lib/contracts/get-contract-detail";
import { formatMonth, formatQuarter } from "@/components/contracts/kpi-format";

const th = "px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

export async function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const [t, format] = await Promise.all([getTranslations("contracts"), getFormatter()]);
  const label = (e: TimelineEntry) => {
    const key = e.action.replace(/^contract\./, "");
    const d = e.data;
    switch (key) {
      case "supersede":
        return t("timeline.supersede", { version: str(d.byVersion) });
      case "amend":
        return t("timeline.amend", { version: str(d.fromVersion) });
      case "review":
        return t("timeline.review", { month: formatMonth(format, str(d.month)) });
      case "evaluate":
        return t("timeline.evaluate", { quarter: formatQuarter(t, str(d.quarter)), decision: t(`decision.${str(d.decision)}`) });
      case "appeal-decide":
        return t("timeline.appeal-decide", { outcome: t(`appealOutcome.${str(d.outcome)}`) });
      case "create":
      case "update":
      case "sign":
      case "acknowledge":
      case "activate":
      case "close":
      case "appeal":
        return t(`timeline.${key}`);
      default:
        return t("timeline.unknown", { action: e.action });
    }
  };
  const details = (e: TimelineEntry) => str(e.data.note) || str(e.data.reason) || str(e.data.comments);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm print:shadow-none">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="timeline">
        <caption className="sr-only">{t("detail.timelineCaption")}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>{t("timeline.columns.at")}</th>
            <th scope="col" className={th}>{t("timeline.columns.what")}</th>
            <th scope="col" className={th}>{t("timeline.columns.who")}</th>
            <th scope="col" className={th}>{t("timeline.columns.version")}</th>
            <th scope="col" className={th}>{t("timeline.columns.details")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((e) => (
            <tr key={e.id} data-action={e.action}>
              <td className="whitespace-nowrap px-3 py-2 text-slate-700">
                <time dateTime={e.at}>{format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "short" })}</time>
              </td>
              <td className="px-3 py-2 font-medium text-slate-900">{label(e)}</td>
              <td className="px-3 py-2 text-slate-700">{e.actorName ?? t("timeline.system")}</td>
              <td className="px-3 py-2 tabular-nums text-slate-700">v{e.version}</td>
              <td className="max-w-sm px-3 py-2 text-xs text-slate-600">{details(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
