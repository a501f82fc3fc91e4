// /contracts/disputes — the KPI disputes of the contracts the manager may see (their office's, or all for national
// managers and administrators): open ones first, the longest waiting on top, each with the answer form when this
// user may answer it; then the latest answered ones.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { ANSWERED_SHOWN, listDisputesToAnswer, type DisputeRow } from "@/lib/disputes/list-disputes";
import { PageHeader } from "@/components/ui/page-header";
import { ScopeNote } from "@/components/shell/scope-note";
import { DisputeCard } from "@/components/disputes/dispute-card";
import { AnswerDisputeForm } from "@/components/disputes/answer-dispute-form";
import { answerDisputeAction } from "@/app/(portal)/contracts/disputes/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("disputes"))("title") };
}

export default async function DisputesPage() {
  const user = await requireArea("contracts");
  const [t, { open, answered }] = await Promise.all([getTranslations("disputes"), listDisputesToAnswer(user)]);
  // A manager account linked to the officer who filed sees the dispute but never answers it (dispute-rules.ts).
  const answerSlot = (d: DisputeRow) =>
    d.canAnswer ? (
      <AnswerDisputeForm disputeId={d.id} kpiId={d.kpiId} action={answerDisputeAction} />
    ) : d.filedById === user.id || d.officerId === user.officerId ? (
      <p className="mt-3 text-sm text-slate-600">{t("item.filerCannotAnswer")}</p>
    ) : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        <Link href="/contracts" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("back")}
        </Link>
      </PageHeader>
      <ScopeNote user={user} />
      <div className="space-y-10">
        <section aria-labelledby="open-disputes-title" className="space-y-3" data-testid="open-disputes">
          <h2 id="open-disputes-title" className="text-lg font-semibold text-slate-900">
            {t("open.title")} <span className="text-base font-normal text-slate-500">({open.length})</span>
          </h2>
          {open.length ? (
            open.map((d) => (
              <DisputeCard key={d.id} dispute={d} contractHref={`/contracts/${d.contract.id}`} showOfficer>
                {answerSlot(d)}
              </DisputeCard>
            ))
          ) : (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">
              {t("open.empty")}
            </p>
          )}
        </section>
        <section aria-labelledby="answered-disputes-title" className="space-y-3" data-testid="answered-disputes">
          <h2 id="answered-disputes-title" className="text-lg font-semibold text-slate-900">
            {t("answered.title")}
          </h2>
          {answered.length >= ANSWERED_SHOWN ? (
            <p className="text-sm text-slate-600">{t("answered.latest", { count: ANSWERED_SHOWN })}</p>
          ) : null}
          {answered.length ? (
            answered.map((d) => (
              <DisputeCard key={d.id} dispute={d} contractHref={`/contracts/${d.contract.id}`} showOfficer />
            ))
          ) : (
            <p className="text-sm text-slate-600">{t("answered.empty")}</p>
          )}
        </section>
      </div>
    </>
  );
}
