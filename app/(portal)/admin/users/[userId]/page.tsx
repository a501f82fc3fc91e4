// /admin/users/[userId] — change one account's access, status or password (ADMIN only, guarded by admin/layout.tsx).
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { getUserForAdminOrNotFound } from "@/lib/users/get-user-for-admin";
import { listOfficeOptions } from "@/lib/users/list-office-options";
import { PageHeader } from "@/components/ui/page-header";
import { RoleBadge, StatusBadge } from "@/components/admin/role-badge";
import {
  AccountStatusForm,
  EditAccessForm,
  ResetPasswordForm,
  UserActionForm,
} from "@/components/admin/edit-user-forms";
import { accountFailures } from "@/lib/auth/login-throttle";
import {
  clearSignInFailuresAction,
  endSessionsAction,
  resetPasswordAction,
  searchOfficersAction,
  setUserActiveAction,
  updateUserAction,
} from "../../actions";

type Props = { params: Promise<{ userId: string }> };

// A fixed title: metadata is resolved alongside the admin layout's guard, so reading the user here would put their
// email in the <title> of the 403 page an unauthorised visitor gets.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("edit.title") };
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
      <h2 className="mb-4 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

export default async function EditUserPage({ params }: Props) {
  const admin = await requireArea("admin");
  const [t, tRoles, user, offices] = await Promise.all([
    getTranslations("admin"),
    getTranslations("common.roles"),
    getUserForAdminOrNotFound((await params).userId),
    listOfficeOptions(),
  ]);
  const failures = await accountFailures(user.email);
  const editable = {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    officeCode: user.officeCode,
    officer: user.officer,
    active: user.active,
    integrityAccess: user.integrityAccess,
  };
  return (
    <>
      <nav aria-label={t("edit.breadcrumb")} className="mb-4 text-sm">
        <Link href="/admin" className="rounded font-medium text-brand-700 underline-offset-4 hover:underline">
          ← {t("edit.back")}
        </Link>
      </nav>
      <PageHeader title={user.name} description={user.email}>
        <RoleBadge role={user.role} label={tRoles(user.role)} />
        <StatusBadge active={user.active} label={user.active ? t("users.active") : t("users.inactive")} />
      </PageHeader>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Panel title={t("edit.accessTitle")}>
            <EditAccessForm
              user={editable}
              action={updateUserAction}
              offices={offices}
              searchOfficers={searchOfficersAction}
            />
          </Panel>
        </div>
        <div className="flex flex-col gap-6">
          <Panel title={t("edit.statusTitle")}>
            <AccountStatusForm user={editable} action={setUserActiveAction} isSelf={admin.id === user.id} />
          </Panel>
          <Panel title={t("edit.passwordTitle")}>
            <ResetPasswordForm userId={user.id} action={resetPasswordAction} />
          </Panel>
          <Panel title={t("edit.sessionsTitle")}>
            <div className="flex flex-col gap-6">
              <UserActionForm
                userId={user.id}
                action={endSessionsAction}
                explanation={t("sessions.endExplained")}
                label={t("actions.endSessions")}
              />
              <UserActionForm
                userId={user.id}
                action={clearSignInFailuresAction}
                explanation={t("sessions.failures", { count: failures })}
                label={t("actions.clearFailures")}
              />
            </div>
          </Panel>
        </div>
      </div>
    </>
  );
}
