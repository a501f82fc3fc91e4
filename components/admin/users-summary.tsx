// Headline numbers of the admin screen: accounts, active accounts, and accounts per role (Tremor cards and chart).
import { Card } from "@tremor/react";
import { getTranslations } from "next-intl/server";
import { ROLES } from "@/lib/auth/session-user";
import type { UserListRow } from "@/lib/users/list-users";
import { BarChart } from "@/components/charts/bar-chart";

export async function UsersSummary({ users }: { users: UserListRow[] }) {
  const [t, tRoles] = await Promise.all([getTranslations("admin.summary"), getTranslations("common.roles")]);
  const active = users.filter((user) => user.active).length;
  const linked = users.filter((user) => user.officerId !== null).length;
  const byRole = ROLES.map((role) => ({
    role: tRoles(role),
    [t("accounts")]: users.filter((user) => user.role === role).length,
  }));
  const metrics = [
    { label: t("total"), value: users.length },
    { label: t("active"), value: active },
    { label: t("inactive"), value: users.length - active },
    { label: t("linked"), value: linked },
  ];
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      <div className="grid grid-cols-2 gap-4 lg:col-span-1">
        {metrics.map((metric) => (
          <Card key={metric.label} className="p-4">
            <p className="text-xs font-medium text-slate-600">{metric.label}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{metric.value}</p>
          </Card>
        ))}
      </div>
      <Card className="p-4 lg:col-span-2">
        <h3 className="text-sm font-semibold text-slate-900">{t("byRole")}</h3>
        <BarChart data={byRole} index="role" categories={[t("accounts")]} label={t("byRole")} className="mt-2 h-40" />
      </Card>
    </div>
  );
}
