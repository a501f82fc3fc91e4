// /admin/audit — the whole audit log, paged, filtered by who, what, object and date, exported as CSV or XLSX
// (ADMIN only; the guard is in ../layout.tsx).
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { auditQuery, parseAuditFilters } from "@/lib/audit-log/audit-filters";
import { AUDIT_PAGE_SIZE, auditFacets, searchAudit } from "@/lib/audit-log/search-audit";
import { PageHeader } from "@/components/ui/page-header";
import { ExportLinks } from "@/components/ui/export-links";
import { Pager } from "@/components/ui/pager";
import { AuditLogPanel } from "@/components/admin/audit-log-panel";
import { AuditFiltersForm } from "@/components/admin/audit-filters-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.audit"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  await requireArea("admin");
  const filters = parseAuditFilters(await searchParams);
  const [t, tAdmin, { rows, total }, facets] = await Promise.all([
    getTranslations("admin.audit"),
    getTranslations("admin"),
    searchAudit(filters),
    auditFacets(),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const actionLabel = (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action);
  const typeLabel = (type: string) => (t.has(`entityTypes.${type}`) ? t(`entityTypes.${type}`) : type);
  return (
    <>
      <nav aria-label={tAdmin("edit.breadcrumb")} className="mb-4 text-sm">
        <Link href="/admin" className="rounded font-medium text-brand-700 underline-offset-4 hover:underline">
          ← {tAdmin("edit.back")}
        </Link>
      </nav>
      <PageHeader title={t("title")} description={t("pageDescription")} />
      <AuditFiltersForm
        filters={filters}
        actions={facets.actions.map((value) => ({ value, label: actionLabel(value) }))}
        entityTypes={facets.entityTypes.map((value) => ({ value, label: typeLabel(value) }))}
      />
      <div className="mb-3 mt-6 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" data-testid="audit-total">
          {t("total", { count: total })}
        </p>
        <ExportLinks base="/api/admin/audit" query={auditQuery(filters)} />
      </div>
      <AuditLogPanel entries={rows} />
      <div className="mt-4">
        <Pager
          page={Math.min(filters.page, pageCount)}
          pageCount={pageCount}
          href={(page) => `/admin/audit?${auditQuery(filters, page)}`}
        />
      </div>
    </>
  );
}
