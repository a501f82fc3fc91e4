// A closed case's verdict on one of its flags: founded (the confirmed finding upholds it) or unfounded (an unfounded
// finding, or a confirmed one that names it among the flags it does not uphold). What the work queue learns from.
import { getTranslations } from "next-intl/server";

export async function FlagOutcome({ flagId, founded }: { flagId: number; founded: boolean }) {
  const t = await getTranslations("cases.outcome");
  return (
    <p className="text-sm" data-testid="flag-outcome" data-flag={flagId} data-founded={founded ? "yes" : "no"}>
      <span
        className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
          founded ? "bg-red-50 text-red-800 ring-red-600/20" : "bg-slate-100 text-slate-700 ring-slate-500/20"
        }`}
      >
        {t(founded ? "founded" : "unfounded", { id: flagId })}
      </span>
    </p>
  );
}
