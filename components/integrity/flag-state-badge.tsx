// A flag's triage state as a small badge: still to triage, dismissed, or in a case.
import { getTranslations } from "next-intl/server";

const TONE = {
  NEW: "bg-amber-50 text-amber-900 ring-amber-200",
  DISMISSED: "bg-slate-100 text-slate-700 ring-slate-200",
  IN_CASE: "bg-brand-50 text-brand-800 ring-brand-100",
} as const;

export async function FlagStateBadge({ state }: { state: keyof typeof TONE }) {
  const t = await getTranslations("integrity.states");
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[state]}`}
      data-state={state}
    >
      {t(state)}
    </span>
  );
}
