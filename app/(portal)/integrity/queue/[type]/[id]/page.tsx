// /integrity/queue/:type/:id — one subject of the work queue over a window: why it stands where it does (evidence per
// method, coverage, weights, recurrence, revenue), the flags behind it (each opening its flag page, with whether it
// survives the false discovery rate control), and one case opened on all of them at once. A subject with nothing the
// user may see left to triage in the window says so (the same page whether it never had flags, had them triaged, or
// has them outside the user's scope).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import { queueWindows, subjectView } from "@/lib/integrity/queue-view";
import { methodWeights } from "@/lib/integrity/method-outcomes";
import { periodKey } from "@/lib/integrity/schema";
import { usesCases } from "@/lib/cases/case-rules";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ShieldIcon } from "@/components/ui/icons";
import { IntegrityNav } from "@/components/integrity/integrity-nav";
import { SubjectName } from "@/components/integrity/subject-name";
import { PriorityBreakdown } from "@/components/integrity/priority-breakdown";
import { SubjectFlagsTable } from "@/components/integrity/subject-flags-table";
import { SubjectCaseButton } from "@/components/integrity/subject-case-button";
import { formatPeriod } from "@/components/integrity/period-label";
import { openSubjectCaseAction } from "../../actions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ type: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The title names only what the URL says (decision 013).
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: (await getTranslations("triage.subject"))("title", { id: decodeURIComponent(id) }) };
}

export default async function SubjectPage({ params, searchParams }: Props) {
  const user = await requireIntegrityUser();
  const { type, id } = await params;
  const asked = (await searchParams).period;
  const subject = { type: decodeURIComponent(type), id: decodeURIComponent(id) };
  const { window } = await queueWindows(user, typeof asked === "string" ? asked : "");
  if (!window) notFound();
  const [view, weights, t, tp, format] = await Promise.all([
    subjectView(user, window, subject),
    methodWeights(),
    getTranslations("triage.subject"),
    getTranslations("integrity.period"),
    getFormatter(),
  ]);
  const windowLabel = formatPeriod(format, tp, window.from, window.to);
  const backLink = (
    <Link href={`/integrity/queue?period=${periodKey(window)}`} className="font-medium text-brand-700 hover:underline">
      {t("back", { period: windowLabel })}
    </Link>
  );
  if (!view) {
    return (
      <>
        <PageHeader title={t("title", { id: subject.id })} description={t("description", { period: windowLabel })} />
        <IntegrityNav current="queue" />
        <EmptyState title={t("nothingLeft.title")} icon={<ShieldIcon />}>
          <p>{t("nothingLeft.body")}</p>
          <p className="mt-3">{backLink}</p>
        </EmptyState>
      </>
    );
  }
  const { row, queue } = view;
  return (
    <>
      <p className="mb-3 text-sm">{backLink}</p>
      <PageHeader
        title={t("heading", { rank: row.rank, total: queue.rows.length })}
        description={t("description", { period: windowLabel })}
      />
      <IntegrityNav current="queue" />
      <div className="space-y-8">
        <section className="grid gap-6 lg:grid-cols-3" aria-label={t("summary")}>
          <div
            className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:col-span-2"
            data-testid="subject-facts"
          >
            <SubjectName type={row.subjectType} id={row.subjectId} names={view.names} pairedWith={row.pairedWith} />
            <p className="mt-3 text-sm text-slate-600">
              {row.aboveLine ? t("fits", { line: queue.line }) : t("belowLine", { line: queue.line })}
            </p>
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="mb-2 text-base font-semibold text-slate-900">{t("caseTitleHeading")}</h2>
            {usesCases(user) ? (
              <SubjectCaseButton
                action={openSubjectCaseAction}
                subject={subject}
                window={window}
                flags={row.flagIds.length}
              />
            ) : (
              <p className="text-sm text-slate-600">{t("noCases")}</p>
            )}
          </div>
        </section>
        <PriorityBreakdown
          row={row}
          weights={weights.weights}
          months={queue.months}
          rolledUp={row.subjectType !== "declaration" && view.flags.some((f) => f.subjectType === "declaration")}
        />
        <section aria-labelledby="subject-flags-title" className="space-y-3">
          <h2 id="subject-flags-title" className="text-lg font-semibold text-slate-900">
            {t("flagsTitle", { count: row.flagIds.length })}
          </h2>
          <p className="text-sm text-slate-600">{t("flagsBody")}</p>
          <SubjectFlagsTable
            flags={view.flags}
            names={view.names}
            caption={t("flagsTitle", { count: row.flagIds.length })}
          />
        </section>
      </div>
    </>
  );
}
