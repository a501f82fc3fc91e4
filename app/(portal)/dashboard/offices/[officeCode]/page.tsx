// /dashboard/offices/CMDLA1?kpi=P1&month=2025-06 — one office: its KPIs month by month against its contract,
// its officers' distribution on one KPI, revenue and its forecast. 404 for an office outside the user's reach.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { SubjectPage } from "@/components/dashboard/subject-page";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ officeCode: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { officeCode } = await params;
  return {
    title: (await getTranslations("dashboard.subject"))("officeMetaTitle", { office: decodeURIComponent(officeCode) }),
  };
}

export default async function OfficeDashboardPage({ params, searchParams }: Props) {
  const user = await requireArea("dashboard");
  const { officeCode } = await params;
  return <SubjectPage user={user} officeCode={decodeURIComponent(officeCode)} searchParams={await searchParams} />;
}
