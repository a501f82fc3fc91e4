// A case's status, finding and overdue mark as small badges: the words carry the meaning, colour only helps.
import { getTranslations } from "next-intl/server";
import type { CaseFinding, CaseStatus } from "@/lib/cases/case-rules";

const pill =
  "inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

const STATUS_TONE: Record<CaseStatus, string> = {
  OPEN: "bg-amber-50 text-amber-900 ring-amber-200",
  ASSIGNED: "bg-sky-50 text-sky-900 ring-sky-200",
  FINDING_RECORDED: "bg-violet-50 text-violet-900 ring-violet-200",
  CLOSED: "bg-slate-100 text-slate-700 ring-slate-300",
};

const FINDING_TONE: Record<CaseFinding, string> = {
  CONFIRMED: "bg-red-50 text-red-800 ring-red-200",
  UNFOUNDED: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  INCONCLUSIVE: "bg-slate-100 text-slate-700 ring-slate-300",
};

export async function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const t = await getTranslations("cases.status");
  return (
    <span className={`${pill} ${STATUS_TONE[status]}`} data-status={status}>
      {t(status)}
    </span>
  );
}

export async function FindingBadge({ finding }: { finding: CaseFinding }) {
  const t = await getTranslations("cases.finding");
  return (
    <span className={`${pill} ${FINDING_TONE[finding]}`} data-finding={finding}>
      {t(finding)}
    </span>
  );
}

export async function OverdueBadge() {
  const t = await getTranslations("cases");
  return (
    <span className={`${pill} bg-red-600 text-white ring-red-700`} data-overdue="true">
      <span aria-hidden>!</span>
      {t("overdue")}
    </span>
  );
}
