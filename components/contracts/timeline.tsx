// The lifecycle of a contract as recorded in the audit log: every transition, who made it and when.
import { getFormatter, getTranslations } from "next-intl/server";
import type { TimelineEntry } from "@/lib/contracts/get-contract-detail";
import { formatMonth, formatQuarter } from "@/components/format/kpi-format";
import { AuditTimelineTable } from "@/components/ui/audit-timeline-table";

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
        return t("timeline.evaluate", {
          quarter: formatQuarter(t, str(d.quarter)),
          decision: t(`decision.${str(d.decision)}`),
        });
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
    <AuditTimelineTable
      testId="timeline"
      caption={t("detail.timelineCaption")}
      columns={{
        at: t("timeline.columns.at"),
        what: t("timeline.columns.what"),
        who: t("timeline.columns.who"),
        extra: [t("timeline.columns.version")],
        details: t("timeline.columns.details"),
      }}
      rows={entries.map((e) => ({
        id: e.id,
        action: e.action,
        at: e.at,
        what: label(e),
        who: e.actorName ?? t("timeline.system"),
        extra: [`v${e.version}`],
        details: details(e),
      }))}
    />
  );
}
