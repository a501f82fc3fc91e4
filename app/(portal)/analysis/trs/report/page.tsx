// /analysis/trs/report?from=&to= — the TRS report of a period as a printable document; GET /api/trs/report.pdf prints
// this page with Chromium, with the user's rights and language.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { trsTableContext } from "@/lib/trs/trs-page";
import { queryString } from "@/lib/analysis/analysis-query";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { TrsReportView } from "@/components/analysis/trs-report-view";
import { TrsTabs } from "@/components/analysis/trs-tabs";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analysis.trs.report"))("documentTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrsReportPage({ searchParams }: Props) {
  const user = await requireArea("analysis");
  const [ctx, t] = await Promise.all([trsTableContext(user, await searchParams), getTranslations("analysis.trs")]);
  if (!ctx.period) {
    return (
      <EmptyState title={t("noData.title")} icon={<ChartIcon />}>
        <p>{t("noData.body")}</p>
      </EmptyState>
    );
  }
  const pdfHref = `/api/trs/report.pdf?${queryString({ from: ctx.period.from, to: ctx.period.to })}`;
  return (
    <>
      <div className="print:hidden">
        <TrsTabs active="report" query={queryString({ from: ctx.period.from, to: ctx.period.to })} />
      </div>
      <TrsReportView period={ctx.period} stored={ctx.stored} pdfHref={pdfHref} />
    </>
  );
}
