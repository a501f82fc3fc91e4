// A dispute's status as a word with a colour and a shape cue (the word always carries the meaning).
import { getTranslations } from "next-intl/server";
import type { DisputeStatus } from "@/lib/disputes/dispute-rules";

const pill =
  "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap";

const TONES: Record<DisputeStatus, { tone: string; mark: string }> = {
  OPEN: { tone: "bg-amber-50 text-amber-900 ring-amber-200", mark: "?" },
  ACCEPTED_CORRECTED: { tone: "bg-emerald-50 text-emerald-900 ring-emerald-200", mark: "✓" },
  ACCEPTED_ANNOTATED: { tone: "bg-sky-50 text-sky-900 ring-sky-200", mark: "✓" },
  REJECTED: { tone: "bg-slate-100 text-slate-700 ring-slate-300", mark: "✗" },
};

export async function DisputeStatusBadge({ status }: { status: DisputeStatus }) {
  const t = await getTranslations("disputes.status");
  const { tone, mark } = TONES[status];
  return (
    <span className={`${pill} ${tone}`} data-dispute-status={status}>
      <span aria-hidden>{mark}</span>
      {t(status)}
    </span>
  );
}
