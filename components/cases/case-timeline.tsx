// Every step of a case as the audit log recorded it: when, what, who, and the details that changed.
import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseTimelineEntry } from "@/lib/cases/get-case-detail";
import { formatDay } from "@/components/format/kpi-format";
import { AuditTimelineTable } from "@/components/ui/audit-timeline-table";

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const short = (s: string, max = 240) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const KNOWN = [
  "open",
  "add-flags",
  "assign",
  "note",
  "attach",
  "finding",
  "action",
  "close",
  "reopen",
  "overdue",
  "on-time",
] as const;

export async function CaseTimeline({
  entries,
  userNames,
}: {
  entries: CaseTimelineEntry[];
  userNames: Record<string, string>;
}) {
  const [t, tm, format] = await Promise.all([getTranslations("cases"), getTranslations("contracts"), getFormatter()]);
  const label = (e: CaseTimelineEntry) => {
    const key = e.action.replace(/^case\./, "") as (typeof KNOWN)[number];
    const d = e.data;
    if (!KNOWN.includes(key)) return t("timeline.unknown", { action: e.action });
    switch (key) {
      case "open":
      case "add-flags":
        return t(`timeline.actions.${key}`, { count: Array.isArray(d.flagIds) ? d.flagIds.length : 0 });
      case "assign":
        return t("timeline.actions.assign", {
          name: userNames[str(d.assigneeId)] ?? t("detail.someone"),
          date: str(d.dueDate) ? formatDay(format, str(d.dueDate)) : "",
        });
      case "attach":
        return t("timeline.actions.attach", { name: str(d.name) });
      case "finding":
        return t("timeline.actions.finding", {
          finding: str(d.finding) ? t(`finding.${str(d.finding) as "CONFIRMED"}`) : "",
        });
      case "action":
        return t("timeline.actions.action", { type: str(d.type) ? t(`actionType.${str(d.type) as "FINE"}`) : "" });
      case "overdue":
        return t("timeline.actions.overdue", { date: str(d.dueDate) ? formatDay(format, str(d.dueDate)) : "" });
      default:
        return t(`timeline.actions.${key}`);
    }
  };
  const details = (e: CaseTimelineEntry) => {
    const d = e.data;
    const parts: string[] = [];
    if (str(d.from) && str(d.to) && d.from !== d.to) {
      parts.push(
        t("timeline.statusChange", {
          from: t(`status.${str(d.from) as "OPEN"}`),
          to: t(`status.${str(d.to) as "OPEN"}`),
        }),
      );
    }
    if (e.action === "case.finding" && str(d.offenceCode)) parts.push(t(`offence.${str(d.offenceCode) as "OTHER"}`));
    if (e.action === "case.action" && str(d.amount))
      parts.push(
        tm("moneyValue", {
          value: format.number(Number(d.amount), { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
        }),
      );
    if (e.action === "case.action" && str(d.declId)) parts.push(str(d.declId));
    const text = str(d.body) || str(d.summary) || str(d.note) || str(d.reason);
    if (text) parts.push(`“${short(text)}”`);
    if ((e.action === "case.open" || e.action === "case.add-flags") && Array.isArray(d.evidence)) {
      const hashes = (d.evidence as { flagId?: number; sha256?: string }[])
        .map((x) => `#${x.flagId} ${str(x.sha256).slice(0, 12)}…`)
        .join(", ");
      parts.push(t("timeline.hashes", { hashes }));
    }
    return parts.join(" · ");
  };
  return (
    <AuditTimelineTable
      testId="case-timeline"
      caption={t("timeline.caption")}
      columns={{
        at: t("timeline.columns.at"),
        what: t("timeline.columns.what"),
        who: t("timeline.columns.who"),
        details: t("timeline.columns.details"),
      }}
      rows={entries.map((e) => ({
        id: e.id,
        action: e.action,
        at: e.at,
        what: label(e),
        who: e.actorName ?? t("timeline.system"),
        details: details(e),
      }))}
    />
  );
}
