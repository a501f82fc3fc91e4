// /me — an officer's own contracts: those awaiting their acknowledgement, their indicators under the contracts in
// force (so far, month by month against threshold and target, and their standing among colleagues without naming
// any), earlier contracts, and their disputes of a figure. Only contracts the user is party to (never a
// colleague's), and never integrity flags.
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";
import { requireArea } from "@/lib/auth/guards";
import { getLinkedOfficer } from "@/lib/users/get-linked-officer";
import { listPartyContracts } from "@/lib/contracts/list-contracts";
import { isoDate } from "@/lib/kernel/calendar";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { ChartIcon } from "@/components/ui/icons";
import { ContractStatusBadge } from "@/components/contracts/badges";
import { CurrentIndicators } from "@/components/contracts/current-indicators";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { TermsList } from "@/components/contracts/terms-list";
import { ConfirmForm } from "@/components/contracts/contract-actions";
import { formatDay } from "@/components/format/kpi-format";
import { acknowledgeAction } from "@/app/(portal)/contracts/actions";
import { MyStanding } from "@/components/dashboard/my-standing";
import { MyMonthSummary } from "@/components/dashboard/my-month-summary";
import { MyDisputesSection } from "@/components/disputes/my-disputes-section";
import { openDisputeAction } from "@/app/(portal)/me/disputes-actions";
import { MyViewsPanel } from "@/components/privacy/my-views-panel";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me"))("title") };
}

export default async function MyIndicatorsPage() {
  const [user, t, tc, format] = await Promise.all([
    requireArea("me"),
    getTranslations("me"),
    getTranslations("contracts"),
    getFormatter(),
  ]);
  const [officer, contracts] = await Promise.all([
    user.officerId ? getLinkedOfficer(user.officerId) : null,
    listPartyContracts(user),
  ]);
  const awaiting = contracts.filter((c) => c.status === "SIGNED");
  const inForce = contracts.filter((c) => c.status === "ACTIVE" || c.status === "ACKNOWLEDGED");
  const earlier = contracts.filter((c) => c.status === "CLOSED" || c.status === "SUPERSEDED");
  const period = (c: (typeof contracts)[number]) =>
    tc("period", { from: formatDay(format, isoDate(c.periodFrom)), to: formatDay(format, isoDate(c.periodTo)) });
  const heading = (c: (typeof contracts)[number]) => (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div>
        <h3 className="text-base font-semibold text-slate-900">
          <Link href={`/me/contracts/${c.id}`} className="text-brand-700 underline-offset-2 hover:underline">
            {c.title}
          </Link>
        </h3>
        <p className="text-sm text-slate-600">
          {tc("contractRef", { contractNo: c.contractNo, version: c.version })} · {period(c)} ·{" "}
          {t("contract.principal", { name: c.principal.name })}
        </p>
      </div>
      <ContractStatusBadge status={c.status} />
    </div>
  );

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {inForce.length ? (
        <div className="mb-8">
          <Suspense fallback={<SectionSkeleton label={tc("detail.loadingIndicators")} />}>
            <MyMonthSummary contracts={inForce} officerId={user.officerId} />
          </Suspense>
        </div>
      ) : null}
      {contracts.length === 0 && officer ? (
        <EmptyState title={t("empty.title")} icon={<ChartIcon />}>
          <p>{t("empty.body")}</p>
        </EmptyState>
      ) : null}

      <div className="space-y-10">
        {awaiting.length ? (
          <section aria-labelledby="awaiting-title" className="space-y-4">
            <h2 id="awaiting-title" className="text-lg font-semibold text-slate-900">
              {t("awaiting.title")}
            </h2>
            <p className="text-sm text-slate-600">{t("awaiting.body")}</p>
            {awaiting.map((c) => (
              <article
                key={c.id}
                className="space-y-4 rounded-lg border border-amber-200 bg-white p-5 shadow-sm"
                data-contract={c.id}
              >
                {heading(c)}
                <TermsList indicators={c.indicators} />
                <div className="max-w-md">
                  <ConfirmForm
                    contractId={c.id}
                    action={acknowledgeAction}
                    label={tc("actions.acknowledge")}
                    pendingLabel={tc("actions.acknowledging")}
                    confirm={tc("actions.acknowledgeConfirm")}
                  />
                </div>
              </article>
            ))}
          </section>
        ) : null}

        {inForce.length ? (
          <section aria-labelledby="current-title" className="space-y-4">
            <h2 id="current-title" className="text-lg font-semibold text-slate-900">
              {t("current.title")}
            </h2>
            <p className="text-sm text-slate-600">{t("current.body")}</p>
            {inForce.map((c) => (
              <article key={c.id} className="space-y-4" data-contract={c.id}>
                {heading(c)}
                <Suspense fallback={<SectionSkeleton label={tc("detail.loadingIndicators")} />}>
                  <CurrentIndicators contract={c} />
                </Suspense>
                {user.officerId ? (
                  <Suspense fallback={<SectionSkeleton label={tc("detail.loadingIndicators")} />}>
                    <MyStanding contract={c} officerId={user.officerId} />
                  </Suspense>
                ) : null}
              </article>
            ))}
          </section>
        ) : null}

        {earlier.length ? (
          <section aria-labelledby="earlier-title" className="space-y-3">
            <h2 id="earlier-title" className="text-lg font-semibold text-slate-900">
              {t("earlier.title")}
            </h2>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
              {earlier.map((c) => (
                <li key={c.id} className="px-4 py-3">
                  {heading(c)}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {officer && contracts.length ? <MyDisputesSection user={user} openDispute={openDisputeAction} /> : null}

        {officer ? <MyViewsPanel /> : null}
      </div>
      <div className="mt-10">
        {officer ? (
          <Card className="max-w-2xl">
            <h2 className="text-sm font-semibold text-slate-900">{t("officer.heading")}</h2>
            <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              {(
                [
                  ["name", officer.fullName],
                  ["id", officer.officerId],
                  ["office", officer.officeName],
                  ["unit", officer.unit],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="flex flex-col">
                  <dt className="text-xs text-slate-500">{t(`officer.${key}`)}</dt>
                  <dd className="font-medium text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
        ) : (
          <div className="max-w-2xl">
            <Notice tone="info">{t("notLinked")}</Notice>
          </div>
        )}
      </div>
    </>
  );
}
