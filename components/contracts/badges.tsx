// Status words with a colour and a shape cue: the words always carry the meaning (colour is never the only signal).
import { getTranslations } from "next-intl/server";
import type { ContractStatus } from "@/lib/contracts/lifecycle";
import type { IndicatorStatus } from "@/lib/contracts/scoring";

const pill =
  "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap";

const CONTRACT_TONES: Record<ContractStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-700 ring-slate-300",
  SIGNED: "bg-amber-50 text-amber-900 ring-amber-200",
  ACKNOWLEDGED: "bg-sky-50 text-sky-900 ring-sky-200",
  ACTIVE: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  CLOSED: "bg-slate-100 text-slate-700 ring-slate-300",
  SUPERSEDED: "bg-white text-slate-600 ring-slate-300 line-through decoration-slate-400",
};

export async function ContractStatusBadge({ status }: { status: ContractStatus }) {
  const t = await getTranslations("contracts.status");
  return (
    <span className={`${pill} ${CONTRACT_TONES[status]}`} data-status={status}>
      {t(status)}
    </span>
  );
}

const INDICATOR_TONES: Record<IndicatorStatus, { tone: string; mark: string }> = {
  not_evaluable: { tone: "bg-slate-100 text-slate-700 ring-slate-300", mark: "–" },
  below_threshold: { tone: "bg-red-50 text-red-800 ring-red-200", mark: "✗" },
  between: { tone: "bg-amber-50 text-amber-900 ring-amber-200", mark: "~" },
  target_met: { tone: "bg-emerald-50 text-emerald-900 ring-emerald-200", mark: "✓" },
};

export async function IndicatorStatusBadge({ status }: { status: IndicatorStatus }) {
  const t = await getTranslations("contracts.indicatorStatus");
  const { tone, mark } = INDICATOR_TONES[status];
  return (
    <span className={`${pill} ${tone}`} data-indicator-status={status}>
      <span aria-hidden>{mark}</span>
      {t(status)}
    </span>
  );
}

const DECISION_TONES = {
  REWARD: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  NO_ACTION: "bg-slate-100 text-slate-700 ring-slate-300",
  WARNING: "bg-amber-50 text-amber-900 ring-amber-200",
  SANCTION: "bg-red-50 text-red-800 ring-red-200",
} as const;

export async function DecisionBadge({ decision }: { decision: keyof typeof DECISION_TONES }) {
  const t = await getTranslations("contracts.decision");
  return <span className={`${pill} ${DECISION_TONES[decision]}`}>{t(decision)}</span>;
}
