// /dashboard/offices/CMDLA1/units/Verification%20A?kpi=P1&month=2025-06 — one unit of an office, as the office
// page. 404 for a unit that is not one of the office's or an office outside the user's reach.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { SubjectPage } from "@/components/dashboard/subject-page";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ officeCode: string; unit: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { officeCode, unit } = await params;
  return {
    title: (await getTranslations("dashboard.subject"))("unitTitle", {
      unit: decodeURIComponent(unit),
      office: decodeURIComponent(officeCode),
    }),
  };
}

export default async function UnitDashboardPage({ params, searchParams }: Props) {
  const user = await requireArea("dashboard");
  const { officeCode, unit } = await params;
  return (
    <SubjectPage
      user={user}
      officeCode={decodeURIComponent(officeCode)}
      unit={decodeURIComponent(unit)}
      searchParams={await searchParams}
    />
  );
}
