// /integrity/queue — the integrity work queue (INTEGRITY, ADMIN, managers granted the area): the subjects behind the
// flags still to triage of a window (the latest quarter by default), highest priority first, with the unit's
// capacity line, the revenue above it and each subject one click away (docs/indicators.md "Triage: the work queue").
import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { queuePage, queueWindows } from "@/lib/integrity/queue-view";
import { canEditCapacity } from "@/lib/integrity/triage-capacity";
import { periodKey } from "@/lib/integrity/schema";
import type { Period } from "@/lib/kernel/calendar";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ShieldIcon } from "@/components/ui/icons";
import { ScopeNote } from "@/components/shell/scope-note";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { Pager } from "@/components/ui/pager";
import { IntegrityNav } from "@/components/integrity/integrity-nav";
import { ChartFilters } from "@/components/integrity/chart-filters";
import { QueueOverview } from "@/components/integrity/queue-overview";
import { QueueTable } from "@/components/integrity/queue-table";
import { setCapacityAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("triage"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

async function Queue({ user, window, page }: { user: SessionUser; window: Period; page: number }) {
  const [t, view] = await Promise.all([getTranslations("triage"), queuePage(user, window, page)]);
  const { queue } = view;
  return (
    <>
      <QueueOverview queue={queue} capacityAction={canEditCapacity(user) ? setCapacityAction : null} />
      {queue.rows.length ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            {t("tableIntro", { line: queue.line, all: queue.rows.length <= queue.line ? "yes" : "no" })}
          </p>
          <QueueTable
            rows={view.rows}
            names={view.names}
            window={window}
            line={queue.line}
            months={queue.months}
            caption={t("title")}
          />
          <Pager
            page={view.page}
            pageCount={view.pageCount}
            href={(p) => `/integrity/queue?period=${periodKey(window)}&page=${p}`}
          />
        </div>
      ) : (
        <EmptyState title={t("empty.title")} icon={<ShieldIcon />}>
          <p>{t("empty.body")}</p>
        </EmptyState>
      )}
    </>
  );
}

export default async function QueuePage({ searchParams }: Props) {
  const user = await requireIntegrityUser();
  const params = await searchParams;
  const [t, { periods, window }] = await Promise.all([
    getTranslations("triage"),
    queueWindows(user, one(params.period)),
  ]);
  const page = Math.max(1, Math.trunc(Number(one(params.page)) || 1));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <IntegrityNav current="queue" />
      <ScopeNote user={user} />
      {window ? (
        <>
          <ChartFilters period={{ value: periodKey(window), choices: periods }} />
          <Suspense key={`${periodKey(window)}|${page}`} fallback={<SectionSkeleton label={t("loading")} />}>
            <Queue user={user} window={window} page={page} />
          </Suspense>
        </>
      ) : (
        <EmptyState title={t("empty.title")} icon={<ShieldIcon />}>
          <p>{t("empty.body")}</p>
        </EmptyState>
      )}
    </>
  );
}
