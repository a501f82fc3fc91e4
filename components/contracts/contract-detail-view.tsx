// One contract version as its users see it: actions first (what is expected of them now), the indicators so far,
// the terms, month by month with the reviews, the quarterly evaluations and the history. Managers and the
// officer party see the same page; what they may do comes from lifecycle.ts through the detail.
import { Suspense } from "react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ContractDetail } from "@/lib/contracts/get-contract-detail";
import { indicatorsFor, monthlyIndicators } from "@/lib/contracts/contract-indicators";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/notice";
import { ContractStatusBadge } from "@/components/contracts/badges";
import { ContractActions } from "@/components/contracts/contract-actions";
import { CurrentIndicators } from "@/components/contracts/current-indicators";
import { TermsSection } from "@/components/contracts/terms-section";
import { MonthlyTable } from "@/components/contracts/monthly-table";
import { ReviewsSection } from "@/components/contracts/reviews-section";
import { EvaluationsSection, type EvaluationActions } from "@/components/contracts/evaluations-section";
import { Timeline } from "@/components/contracts/timeline";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { partyLabel } from "@/components/contracts/party-label";
import type { FormAction } from "@/components/forms/use-form-action";

export type ContractPageActions = EvaluationActions & {
  sign: FormAction;
  acknowledge: FormAction;
  close: FormAction;
  amend: FormAction;
  review: FormAction;
};

async function MonthsAndReviews({ detail, review }: { detail: ContractDetail; review: FormAction }) {
  const t = await getTranslations("contracts.detail");
  const months = await monthlyIndicators(detail.contract);
  return (
    <>
      <section aria-labelledby="monthly-title" className="space-y-3">
        <h2 id="monthly-title" className="text-lg font-semibold text-slate-900">
          {t("monthlyTitle")}
        </h2>
        <MonthlyTable
          months={months}
          kpiIds={detail.contract.indicators.map((i) => i.kpiId)}
          notes={detail.disputeNotes}
        />
      </section>
      <ReviewsSection detail={detail} months={months} action={review} />
    </>
  );
}

async function Evaluations({
  detail,
  act,
  pdfBase,
}: {
  detail: ContractDetail;
  act: EvaluationActions;
  pdfBase: string;
}) {
  const previews = detail.actions.includes("evaluate")
    ? await Promise.all(
        detail.evaluableQuarters.map(async (q) => ({
          quarter: q.quarter,
          scorecard: (await indicatorsFor(detail.contract, q.period)).scorecard,
        })),
      )
    : [];
  return <EvaluationsSection detail={detail} previews={previews} act={act} pdfBase={pdfBase} />;
}

export async function ContractDetailView({
  detail,
  basePath,
  back,
  act,
  watch = null,
}: {
  detail: ContractDetail;
  basePath: string;
  back: { href: string; label: string };
  act: ContractPageActions;
  // The managers' page adds the gaming watch here; the officer's own page never does.
  watch?: React.ReactNode;
}) {
  const [t, format] = await Promise.all([getTranslations("contracts"), getFormatter()]);
  const c = detail.contract;
  const party = partyLabel(t, {
    type: c.partyType,
    officerId: c.partyOfficerId,
    name: c.partyOfficer?.fullName ?? null,
    unit: c.partyUnit,
  });
  const pdfBase = `/api/contracts/${c.id}`;
  const current = detail.versions.find((v) => v.status !== "SUPERSEDED" && v.version > c.version);
  const link = "text-sm font-medium text-brand-700 underline-offset-2 hover:underline";
  return (
    <>
      <PageHeader
        title={c.title}
        description={`${t("contractRef", { contractNo: c.contractNo, version: c.version })} · ${t(`party.type.${c.partyType}`)} · ${party} · ${c.officeCode}`}
      >
        <Link href={back.href} className={link}>
          {back.label}
        </Link>
        <a href={`${pdfBase}/pdf`} className={link} data-testid="contract-pdf">
          {t("detail.print")}
        </a>
      </PageHeader>
      <div className="space-y-8">
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <ContractStatusBadge status={c.status} />
          <span>
            {t("period", {
              from: format.dateTime(c.periodFrom, { dateStyle: "medium" }),
              to: format.dateTime(c.periodTo, { dateStyle: "medium" }),
            })}
          </span>
        </div>
        {c.status === "SUPERSEDED" && current ? (
          <Notice tone="info">
            {t("detail.otherVersionNotice", { version: c.version, current: current.version })}{" "}
            <Link href={`${basePath}/${current.id}`} className="font-medium underline">
              {t("version", { version: current.version })}
            </Link>
          </Notice>
        ) : null}
        <ContractActions contractId={c.id} actions={detail.actions} editHref={`${basePath}/${c.id}/edit`} act={act} />
        {watch}
        <section aria-labelledby="current-title" className="space-y-3">
          <h2 id="current-title" className="text-lg font-semibold text-slate-900">
            {t("detail.currentTitle")}
          </h2>
          <Suspense fallback={<SectionSkeleton label={t("detail.loadingIndicators")} />}>
            <CurrentIndicators contract={c} />
          </Suspense>
        </section>
        <TermsSection detail={detail} />
        <Suspense fallback={<SectionSkeleton label={t("detail.loadingIndicators")} />}>
          <MonthsAndReviews detail={detail} review={act.review} />
        </Suspense>
        <Suspense fallback={<SectionSkeleton label={t("detail.loadingIndicators")} />}>
          <Evaluations detail={detail} act={act} pdfBase={pdfBase} />
        </Suspense>
        <section aria-labelledby="history-title" className="space-y-3">
          <h2 id="history-title" className="text-lg font-semibold text-slate-900">
            {t("detail.timelineTitle")}
          </h2>
          <Timeline entries={detail.timeline} />
        </section>
        {detail.versions.length > 1 ? (
          <section aria-labelledby="versions-title" className="space-y-3">
            <h2 id="versions-title" className="text-lg font-semibold text-slate-900">
              {t("detail.versions")}
            </h2>
            <ul
              className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm"
              aria-label={t("detail.versionsCaption", { contractNo: c.contractNo })}
            >
              {detail.versions.map((v) => (
                <li key={v.id} className="flex flex-wrap items-center gap-3 px-4 py-2.5">
                  {v.id === c.id ? (
                    <span className="font-semibold">
                      {t("version", { version: v.version })} ({t("detail.viewing")})
                    </span>
                  ) : (
                    <Link href={`${basePath}/${v.id}`} className="font-medium text-brand-700 hover:underline">
                      {t("version", { version: v.version })}
                    </Link>
                  )}
                  <ContractStatusBadge status={v.status} />
                  {v.amendmentReason ? <span className="text-slate-600">{v.amendmentReason}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}
