// Who or what a flag is about, as the inbox and the flag page name it: the officer (name and id), the broker (and
// the officer of a pair), the declaration and item of a unit value, or the risk model that drifted.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { InboxRow } from "@/lib/integrity/list-flags";

type Subject = Pick<InboxRow, "method" | "subjectType" | "subjectId" | "subjectName" | "relatedId" | "relatedName">;

export async function FlagSubject({ flag, links = true }: { flag: Subject; links?: boolean }) {
  const t = await getTranslations("integrity.subject");
  if (flag.subjectType === "officer") {
    return (
      <span>
        <span className="font-medium text-slate-900">{flag.subjectName ?? flag.subjectId}</span>
        <span className="block text-xs text-slate-500">{t("officer", { id: flag.subjectId })}</span>
      </span>
    );
  }
  if (flag.subjectType === "declaration") {
    const label = t("declaration", { decl: flag.subjectId, item: flag.relatedId ?? "" });
    return links ? (
      <Link
        href={`/explore/declarations/${encodeURIComponent(flag.subjectId)}`}
        className="font-medium text-brand-700 hover:underline"
      >
        {label}
      </Link>
    ) : (
      <span className="font-medium text-slate-900">{label}</span>
    );
  }
  if (flag.subjectType === "risk_model") {
    const label = t("riskModel", { id: flag.subjectId });
    return links ? (
      <Link
        href={`/analysis/risk?model=${encodeURIComponent(flag.subjectId)}#drift`}
        className="font-medium text-brand-700 hover:underline"
      >
        {label}
      </Link>
    ) : (
      <span className="font-medium text-slate-900">{label}</span>
    );
  }
  return <span className="font-medium text-slate-900">{t("broker", { id: flag.subjectId })}</span>;
}

export async function FlagRelated({ flag }: { flag: Subject }) {
  const t = await getTranslations("integrity.subject");
  if (flag.method !== "BROKER_OFFICER_PAIR" || !flag.relatedId) return <span className="text-slate-400">—</span>;
  return (
    <span>
      <span className="text-slate-900">{flag.relatedName ?? flag.relatedId}</span>
      <span className="block text-xs text-slate-500">{t("officer", { id: flag.relatedId })}</span>
    </span>
  );
}
