// /explore/kpi?kpi=P1&type=officer&id=OF001&from=2025-03-01&to=2025-03-31[&only=numerator&page=2] — one KPI value
// for one subject and period, and every record behind it (server-side pages), each declaration opening its record.
import type { Metadata } from "next";
import { Suspense } from "react";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/kernel/app-error";
import { KpiDrilldownInput, firstValues } from "@/lib/explore/schema";
import { assertSubjectVisible } from "@/lib/explore/assert-subject-visible";
import { PageHeader } from "@/components/ui/page-header";
import { IndicatorDefinition } from "@/components/indicators/indicator-definition";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { ChartIcon } from "@/components/ui/icons";
import { KpiPickerForm } from "@/components/explore/kpi-picker-form";
import { DrilldownSkeleton, KpiDrilldownView } from "@/components/explore/kpi-drilldown-view";
import { ViewBeacon } from "@/components/privacy/view-beacon";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("explore.kpi"))("titleEmpty") };
}

export default async function KpiDrilldownPage({ searchParams }: Props) {
  const user = await requireUser();
  const values = firstValues(await searchParams);
  const t = await getTranslations("explore");
  const parsed = KpiDrilldownInput.safeParse(values);

  if (!parsed.success) {
    const untouched = Object.keys(values).length === 0;
    return (
      <>
        <PageHeader title={t("kpi.titleEmpty")} description={t("kpi.description")} />
        <div className="space-y-6">
          {/* An officer starts from their own indicators, the only ones they may open. */}
          <KpiPickerForm values={user.officerId && untouched ? { type: "officer", id: user.officerId } : values} />
          {untouched ? (
            <EmptyState title={t("kpi.emptyForm.title")} icon={<ChartIcon />}>
              <p>{t("kpi.emptyForm.body")}</p>
            </EmptyState>
          ) : (
            <Notice tone="error">{t("kpi.invalid")}</Notice>
          )}
        </div>
      </>
    );
  }

  const input = parsed.data;
  // Before anything streams, so a subject outside the user's scope answers HTTP 403.
  try {
    await assertSubjectVisible(user, input.type, input.id);
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") forbidden();
    throw error;
  }

  return (
    <>
      <PageHeader
        title={t("kpi.title", { kpi: input.kpi, name: t(`names.${input.kpi}`) })}
        description={t("kpi.subject", {
          type: t(`kpi.types.${input.type}`),
          id: input.id,
          from: input.from,
          to: input.to,
        })}
      >
        <IndicatorDefinition kpiId={input.kpi} align="end" />
      </PageHeader>
      {input.type === "officer" ? <ViewBeacon officerId={input.id} what="drilldown" /> : null}
      <div className="space-y-6">
        <KpiPickerForm values={values} />
        <Suspense key={JSON.stringify(input)} fallback={<DrilldownSkeleton />}>
          <KpiDrilldownView user={user} input={input} />
        </Suspense>
      </div>
    </>
  );
}
