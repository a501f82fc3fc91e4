// /integrity/flags — the flag inbox (INTEGRITY, ADMIN): the flags of the user's scope, filtered by method, KPI,
// office, stored period, state and activity, sorted by score (default, highest first) or detection date, one
// server-side page at a time, with bulk triage (dismiss with a reason, open a case) and CSV/XLSX of the filtered list.
import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { flagInbox, flagPeriods } from "@/lib/integrity/list-flags";
import { integrityOffices } from "@/lib/integrity/integrity-scope";
import { FlagInboxFilters } from "@/lib/integrity/schema";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ShieldIcon } from "@/components/ui/icons";
import { buttonClasses } from "@/components/ui/button";
import { ScopeNote } from "@/components/shell/scope-note";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { Pager } from "@/components/ui/pager";
import { IntegrityNav } from "@/components/integrity/integrity-nav";
import { FlagInboxFiltersForm } from "@/components/integrity/flag-inbox-filters";
import { FlagInboxTable } from "@/components/integrity/flag-inbox-table";
import { FlagTriageForm } from "@/components/integrity/flag-triage-form";
import { triageFlagsAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("integrity.inbox"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function query(filters: FlagInboxFilters): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of ["method", "kpi", "office", "period", "active", "sort"] as const)
    if (filters[key]) q.set(key, filters[key]);
  q.set("state", filters.state || "all");
  return q;
}

async function Inbox({ user, filters }: { user: SessionUser; filters: FlagInboxFilters }) {
  const [t, inbox] = await Promise.all([getTranslations("integrity.inbox"), flagInbox(user, filters)]);
  if (!inbox.total) {
    return (
      <EmptyState title={t("empty.title")} icon={<ShieldIcon />}>
        <p>{t("empty.body")}</p>
      </EmptyState>
    );
  }
  const q = query(filters).toString();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" data-testid="flag-count">
          {t("count", { count: inbox.total })}
        </p>
        <div className="flex gap-2">
          <a href={`/api/integrity/flags.csv?${q}`} className={buttonClasses("secondary")} download>
            {t("exportCsv")}
          </a>
          <a href={`/api/integrity/flags.xlsx?${q}`} className={buttonClasses("secondary")} download>
            {t("exportXlsx")}
          </a>
        </div>
      </div>
      <FlagTriageForm action={triageFlagsAction} selectable={inbox.rows.filter((r) => r.state === "NEW").length}>
        <FlagInboxTable rows={inbox.rows} />
      </FlagTriageForm>
      <Pager page={inbox.page} pageCount={inbox.pageCount} href={(page) => `/integrity/flags?${q}&page=${page}`} />
    </div>
  );
}

export default async function FlagInboxPage({ searchParams }: Props) {
  const user = await requireIntegrityUser();
  const filters = FlagInboxFilters.parse(await searchParams);
  const [t, offices, periods] = await Promise.all([
    getTranslations("integrity.inbox"),
    integrityOffices(user),
    flagPeriods(user),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <IntegrityNav current="flags" />
      <ScopeNote user={user} />
      <FlagInboxFiltersForm filters={filters} offices={offices} periods={periods} />
      <Suspense key={JSON.stringify(filters)} fallback={<SectionSkeleton label={t("loading")} />}>
        <Inbox user={user} filters={filters} />
      </Suspense>
    </>
  );
}
