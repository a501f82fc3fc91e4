// /integrity/flags/:id — one flag: what it names, its state, the rule and parameters that raised it, its statistics
// in words, the chart of its method and the declarations behind it (server-side pages, each opening its record with
// the events timeline), with triage. Outside the user's scope it is a 404, like a flag that does not exist.
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/kernel/app-error";
import { flagEvidence, getFlagForViewerOrThrow } from "@/lib/integrity/flag-evidence";
import { toRows } from "@/lib/integrity/list-flags";
import { currentDetectionParams } from "@/lib/integrity/detection-settings";
import { RATE_KPIS } from "@/lib/integrity/schema";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses } from "@/components/ui/button";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { Pager } from "@/components/ui/pager";
import { IntegrityNav } from "@/components/integrity/integrity-nav";
import { FlagRelated, FlagSubject } from "@/components/integrity/flag-subject";
import { FlagStateBadge } from "@/components/integrity/flag-state-badge";
import { FlagRule } from "@/components/integrity/flag-rule";
import { FlagStatistics } from "@/components/integrity/flag-statistics";
import { FlagPageTriage } from "@/components/integrity/flag-page-triage";
import { EvidenceTable } from "@/components/integrity/evidence-table";
import { FunnelView } from "@/components/integrity/funnel-view";
import { HeatmapView } from "@/components/integrity/heatmap-view";
import { BenfordView } from "@/components/integrity/benford-view";
import { UnitValueView } from "@/components/integrity/unit-value-view";
import { formatPeriod } from "@/components/integrity/period-label";
import { formatScoreOf } from "@/components/integrity/flag-format";
import { casesOfFlags } from "@/lib/cases/list-cases";
import { flagSignificance } from "@/lib/integrity/flag-significance";
import { formatPValue } from "@/components/integrity/triage-format";
import { usesCases } from "@/lib/cases/case-rules";
import { triageFlagsAction } from "../actions";
import { isoDate } from "@/lib/kernel/calendar";

export const dynamic = "force-dynamic";

const EVIDENCE_PAGE_SIZE = 50;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The title names only the id from the URL (decision 013).
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("integrity.flag"))("title", { id: (await params).id }) };
}

type FlagRecord = Awaited<ReturnType<typeof getFlagForViewerOrThrow>>;

async function Evidence({ user, flag, page }: { user: SessionUser; flag: FlagRecord; page: number }) {
  const [t, evidence] = await Promise.all([
    getTranslations("integrity.flag.evidence"),
    flagEvidence(flag.id, user, { page, pageSize: EVIDENCE_PAGE_SIZE }),
  ]);
  const pageCount = Math.max(1, Math.ceil(evidence.total / EVIDENCE_PAGE_SIZE));
  const self = `/integrity/flags/${flag.id}`;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" data-testid="evidence-count">
          {t("count", { count: evidence.total })}
        </p>
        <div className="flex gap-2">
          <a href={`/api/integrity/flags/${flag.id}/evidence.csv`} className={buttonClasses("secondary")} download>
            {t("exportCsv")}
          </a>
          <a href={`/api/integrity/flags/${flag.id}/evidence.xlsx`} className={buttonClasses("secondary")} download>
            {t("exportXlsx")}
          </a>
        </div>
      </div>
      {evidence.declarations.length ? (
        <EvidenceTable
          rows={evidence.declarations}
          caption={t("caption", { id: flag.id })}
          back={page > 1 ? `${self}?page=${page}` : self}
        />
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">
          {t("empty")}
        </p>
      )}
      <Pager page={Math.min(page, pageCount)} pageCount={pageCount} href={(p) => `${self}?page=${p}`} />
    </div>
  );
}

// The chart of the flag's method, as an element that loads its own data inside the page's Suspense boundary.
async function methodChart(user: SessionUser, flag: FlagRecord): Promise<React.ReactNode> {
  const from = isoDate(flag.periodFrom);
  const to = isoDate(flag.periodTo);
  const office = flag.officeCode;
  switch (flag.method) {
    case "RATE_OUTLIER":
      return office && (RATE_KPIS as readonly string[]).includes(flag.kpiId) ? (
        <FunnelView
          user={user}
          kpiId={flag.kpiId as (typeof RATE_KPIS)[number]}
          officeCode={office}
          from={from}
          to={to}
          highlightOfficer={flag.subjectId}
        />
      ) : null;
    case "BROKER_OFFICER_PAIR":
      return office ? (
        <HeatmapView
          user={user}
          officeCode={office}
          from={from}
          to={to}
          highlight={{ brokerId: flag.subjectId, officerId: flag.relatedId }}
        />
      ) : null;
    case "BENFORD":
      return <BenfordView user={user} brokerId={flag.subjectId} from={from} to={to} />;
    case "UNIT_VALUE": {
      const params = await currentDetectionParams();
      return <UnitValueView user={user} from={from} to={to} flagId={flag.id} minGroup={params.unitValue.minGroup} />;
    }
    default:
      return null;
  }
}

export default async function FlagPage({ params, searchParams }: Props) {
  const user = await requireIntegrityUser();
  const id = Number((await params).id);
  let flag: FlagRecord;
  try {
    flag = await getFlagForViewerOrThrow(id, user);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const pageParam = Number((await searchParams).page);
  const page = Number.isSafeInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const [t, ti, te, tp, tt, format, [row], significance] = await Promise.all([
    getTranslations("integrity.flag"),
    getTranslations("integrity"),
    getTranslations("explore"),
    getTranslations("integrity.period"),
    getTranslations("triage.significance"),
    getFormatter(),
    toRows([flag]),
    flagSignificance(flag),
  ]);
  const r = row!;
  const [chart, caseId] = await Promise.all([
    methodChart(user, flag),
    // The case it is in, for those who follow cases (and only if that case is theirs to see).
    flag.state === "IN_CASE" && usesCases(user)
      ? casesOfFlags([flag.id], user).then((m) => m.get(flag.id) ?? null)
      : null,
  ]);
  const facts: [string, React.ReactNode][] = [
    [t("facts.method"), ti(`methods.${flag.method}` as never)],
    [t("facts.kpi"), r.kpiId ? `${r.kpiId} · ${te(`names.${r.kpiId}` as never)}` : "—"],
    [t("facts.subject"), <FlagSubject key="s" flag={r} />],
    [t("facts.related"), <FlagRelated key="r" flag={r} />],
    [t("facts.office"), r.officeCode ?? t("facts.allOffices")],
    [t("facts.period"), formatPeriod(format, tp, r.periodFrom, r.periodTo)],
    [t("facts.score"), formatScoreOf(format, flag.method, flag.score)],
    [t("facts.n"), format.number(flag.n)],
    [tt("pValue"), formatPValue(format, significance.log10P)],
    [
      tt("fdr", { level: format.number(significance.level, { style: "percent" }) }),
      <span key="fdr" data-testid="flag-fdr" data-survives={significance.survives ? "yes" : "no"}>
        {tt(significance.survives ? "survives" : "doesNotSurvive", {
          m: significance.tests,
          flags: significance.flags,
        })}
      </span>,
    ],
    [t("facts.state"), <FlagStateBadge key="st" state={flag.state} />],
    [t("facts.active"), flag.active ? t("facts.activeYes") : t("facts.activeNo")],
    [t("facts.detected"), format.dateTime(flag.firstDetectedAt, { dateStyle: "medium", timeStyle: "short" })],
    [t("facts.lastDetected"), format.dateTime(flag.lastDetectedAt, { dateStyle: "medium", timeStyle: "short" })],
  ];
  if (flag.dismissReason) facts.push([t("facts.dismissReason"), flag.dismissReason]);
  if (flag.triagedAt)
    facts.push([t("facts.triagedAt"), format.dateTime(flag.triagedAt, { dateStyle: "medium", timeStyle: "short" })]);

  return (
    <>
      <p className="mb-3 text-sm">
        <Link href="/integrity/flags" className="font-medium text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={t("heading", { id: flag.id, method: ti(`methods.${flag.method}` as never) })}
        description={ti(`methodHints.${flag.method}` as never)}
      />
      <IntegrityNav current="flags" />
      <div className="space-y-8">
        <section aria-labelledby="facts-title" className="grid gap-6 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <h2 id="facts-title" className="sr-only">
              {t("facts.title")}
            </h2>
            <dl
              className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-3"
              data-testid="flag-facts"
            >
              {facts.map(([k, v]) => (
                <div key={k}>
                  <dt className="text-slate-600">{k}</dt>
                  <dd className="mt-0.5 font-medium tabular-nums text-slate-900">{v}</dd>
                </div>
              ))}
            </dl>
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="mb-2 text-base font-semibold text-slate-900">{t("triage.title")}</h2>
            {flag.state === "NEW" ? (
              <FlagPageTriage flagId={flag.id} action={triageFlagsAction} />
            ) : (
              <>
                <p className="text-sm text-slate-600">{t(`triage.${flag.state}` as never)}</p>
                {caseId ? (
                  <p className="mt-2 text-sm">
                    <Link
                      href={`/integrity/cases/${caseId}`}
                      className="font-medium text-brand-700 hover:underline"
                      data-testid="flag-case-link"
                    >
                      {t("triage.caseLink", { id: caseId })}
                    </Link>
                  </p>
                ) : null}
              </>
            )}
          </div>
        </section>
        <div className="grid gap-6 lg:grid-cols-2">
          <FlagStatistics flag={flag} />
          <FlagRule method={flag.method} rule={flag.rule} />
        </div>
        <section aria-labelledby="chart-title">
          <h2 id="chart-title" className="mb-3 text-lg font-semibold text-slate-900">
            {t("chart")}
          </h2>
          <Suspense fallback={<SectionSkeleton label={t("loadingChart")} />}>
            {chart ?? <p className="text-sm text-slate-600">{t("noChart")}</p>}
          </Suspense>
        </section>
        <section aria-labelledby="evidence-title">
          <h2 id="evidence-title" className="text-lg font-semibold text-slate-900">
            {t("evidence.title")}
          </h2>
          <p className="mb-3 mt-1 text-sm text-slate-600">{t(`evidence.${flag.method}` as never)}</p>
          {/* A drift flag is about the risk model: no declaration stands behind it. */}
          {flag.method === "RISK_DRIFT" ? null : (
            <Suspense key={page} fallback={<SectionSkeleton label={t("evidence.loading")} />}>
              <Evidence user={user} flag={flag} page={page} />
            </Suspense>
          )}
        </section>
      </div>
    </>
  );
}
