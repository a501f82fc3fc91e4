// The reader's latest weekly digest on the integrity home page: what it said (new subjects above the capacity line,
// cases due or overdue) and whether it went out by e-mail or is kept here because no mail server is configured.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { usesCases } from "@/lib/cases/case-rules";
import { latestWeeklyDigest } from "@/lib/cases/send-weekly-digests";
import { isoDate } from "@/lib/kernel/calendar";

export async function WeeklyDigestSection({ user }: { user: SessionUser }) {
  if (!usesCases(user)) return null;
  const digest = await latestWeeklyDigest(user.id);
  if (!digest) return null;
  const [t, ti, format] = await Promise.all([
    getTranslations("triage.digest"),
    getTranslations("integrity.methods"),
    getFormatter(),
  ]);
  const c = digest.content;
  const kind = (type: string) =>
    t(`kinds.${["officer", "broker", "importer"].includes(type) ? type : "declaration"}` as "kinds.officer");
  const status = digest.sentAt
    ? t("portalSent", { date: format.dateTime(digest.sentAt, { dateStyle: "medium", timeStyle: "short" }) })
    : digest.channel === "portal"
      ? t("portalKept")
      : t("portalPending");
  return (
    <section
      aria-labelledby="weekly-digest-title"
      className="mb-10 space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="weekly-digest"
    >
      <h2 id="weekly-digest-title" className="text-lg font-semibold text-slate-900">
        {t("portalTitle", { week: isoDate(digest.weekStart) })}
      </h2>
      <p className="text-sm text-slate-600">{status}</p>
      <h3 className="text-sm font-semibold text-slate-800">{t("subjectsTitle", { count: c.subjects.length })}</h3>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {c.subjects.map((s) => (
          <li key={`${s.type}:${s.id}`}>
            <Link
              href={`/integrity/queue/${encodeURIComponent(s.type)}/${encodeURIComponent(s.id)}${
                c.window ? `?period=${c.window.from}_${c.window.to}` : ""
              }`}
              className="text-brand-700 hover:underline"
            >
              {t("subjectLine", {
                rank: s.rank,
                kind: kind(s.type),
                who: s.name ? `${s.name} (${s.id})` : s.id,
                priority: format.number(s.priority, { maximumFractionDigits: 1 }),
                flags: s.flags,
                methods: s.methods.map((m) => (ti.has(m as never) ? ti(m as never) : m)).join(", "),
              })}
            </Link>
          </li>
        ))}
      </ul>
      <h3 className="text-sm font-semibold text-slate-800">{t("casesTitle", { count: c.cases.length })}</h3>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {c.cases.map((k) => (
          <li key={k.id}>
            <Link href={`/integrity/cases/${k.id}`} className="text-brand-700 hover:underline">
              {t(k.overdue ? "caseOverdue" : "caseDue", { id: k.id, title: k.title, due: k.dueDate ?? "—" })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
