// /me — an officer's own indicators (OFFICER, or any user linked to an officer record).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";
import { requireArea } from "@/lib/auth/guards";
import { getLinkedOfficer } from "@/lib/users/get-linked-officer";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { ChartIcon } from "@/components/ui/icons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me"))("title") };
}

export default async function MyIndicatorsPage() {
  const [user, t] = await Promise.all([requireArea("me"), getTranslations("me")]);
  const officer = user.officerId ? await getLinkedOfficer(user.officerId) : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {officer ? (
        <Card className="mb-6 max-w-2xl">
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
        <div className="mb-6 max-w-2xl">
          <Notice tone="info">{t("notLinked")}</Notice>
        </div>
      )}
      <EmptyState title={t("empty.title")} icon={<ChartIcon />}>
        <p>{t("empty.body")}</p>
      </EmptyState>
    </>
  );
}
