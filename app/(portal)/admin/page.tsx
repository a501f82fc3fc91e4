// /admin — accounts, roles and the audit log (ADMIN only; the guard is in ./layout.tsx and in every action).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { listUsers } from "@/lib/users/list-users";
import { listOfficeOptions } from "@/lib/users/list-office-options";
import Link from "next/link";
import { searchAudit } from "@/lib/audit-log/search-audit";
import { PageHeader } from "@/components/ui/page-header";
import { UsersSummary } from "@/components/admin/users-summary";
import { UsersTable } from "@/components/admin/users-table";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { AuditLogPanel } from "@/components/admin/audit-log-panel";
import { AdminSectionNav } from "@/components/admin/admin-section-nav";
import { createUserAction, searchOfficersAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}

export default async function AdminPage() {
  await requireArea("admin");
  const [t, users, offices, audit] = await Promise.all([
    getTranslations("admin"),
    listUsers(),
    listOfficeOptions(),
    searchAudit({ page: 1 }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AdminSectionNav current="users" />
      <UsersSummary users={users} />
      <Section id="users-heading" title={t("users.title")} description={t("users.description")}>
        <UsersTable users={users} />
      </Section>
      <Section id="create-heading" title={t("create.title")} description={t("create.description")}>
        <div className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
          <CreateUserForm action={createUserAction} offices={offices} searchOfficers={searchOfficersAction} />
        </div>
      </Section>
      <Section id="audit-heading" title={t("audit.title")} description={t("audit.description")}>
        <AuditLogPanel entries={audit.rows.slice(0, 10)} />
        <p className="mt-3 text-sm">
          <Link href="/admin/audit" className="font-medium text-brand-700 underline-offset-4 hover:underline">
            {t("audit.openAll", { count: audit.total })}
          </Link>
        </p>
      </Section>
    </>
  );
}
