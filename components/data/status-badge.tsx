// Status of an import at a glance, in words and colour (colour is never the only signal).
import { getTranslations } from "next-intl/server";

const TONES: Record<string, string> = {
  QUEUED: "bg-slate-100 text-slate-700 ring-slate-300",
  RUNNING: "bg-brand-50 text-brand-800 ring-brand-100",
  SUCCEEDED: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  FAILED: "bg-red-50 text-red-800 ring-red-200",
};

export async function StatusBadge({ status }: { status: string }) {
  const t = await getTranslations("data.status");
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status] ?? TONES.QUEUED}`}>
      {t(status)}
    </span>
  );
}
