// Users of the portal (admin screen): who they are, what they may see, whether they can sign in.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { UserListRow } from "@/lib/users/list-users";
import { RoleBadge, StatusBadge } from "@/components/admin/role-badge";

export async function UsersTable({ users }: { users: UserListRow[] }) {
  const [t, tRoles] = await Promise.all([getTranslations("admin.users"), getTranslations("common.roles")]);
  const th = "px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
  const td = "px-4 py-3 align-top text-sm";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              {t("columns.user")}
            </th>
            <th scope="col" className={th}>
              {t("columns.role")}
            </th>
            <th scope="col" className={th}>
              {t("columns.office")}
            </th>
            <th scope="col" className={th}>
              {t("columns.officer")}
            </th>
            <th scope="col" className={th}>
              {t("columns.status")}
            </th>
            <th scope="col" className={th}>
              <span className="sr-only">{t("columns.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <tr key={user.id} className={user.active ? "" : "bg-slate-50/70"}>
              <td className={td}>
                <div className="font-medium text-slate-900">{user.name}</div>
                <div className="text-slate-600">{user.email}</div>
              </td>
              <td className={td}>
                <RoleBadge role={user.role} label={tRoles(user.role)} />
              </td>
              <td className={`${td} text-slate-700`}>
                {user.officeCode ? (
                  <>
                    <span className="font-medium">{user.officeCode}</span>
                    {user.officeName ? <span className="block text-xs text-slate-500">{user.officeName}</span> : null}
                  </>
                ) : (
                  <span className="text-slate-500">{t("allOffices")}</span>
                )}
              </td>
              <td className={`${td} text-slate-700`}>
                {user.officerId ? (
                  <>
                    <span className="font-medium">{user.officerName ?? user.officerId}</span>
                    <span className="block text-xs text-slate-500">{user.officerId}</span>
                  </>
                ) : (
                  <span className="text-slate-500">{t("noOfficer")}</span>
                )}
              </td>
              <td className={td}>
                <StatusBadge active={user.active} label={user.active ? t("active") : t("inactive")} />
              </td>
              <td className={`${td} text-right`}>
                <Link
                  href={`/admin/users/${user.id}`}
                  className="rounded font-medium text-brand-700 underline-offset-4 hover:underline"
                >
                  {t("manage")}
                  <span className="sr-only"> {user.email}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
