// /data — clearance data imports: upload (ADMIN), the latest imports with their outcome (ADMIN, MANAGER).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { listImportBatches } from "@/lib/clearance/import-batches";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { DatabaseIcon } from "@/components/ui/icons";
import { UploadPanel } from "@/components/data/upload-panel";
import { ImportsTable } from "@/components/data/imports-table";
import { WcoExportForm } from "@/components/data/wco-export-form";
import { addMonths, monthOf, monthPeriod, todayIso } from "@/lib/kernel/calendar";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("data"))("title") };
}

// The export form starts on the last complete month.
const lastMonth = () => monthPeriod(addMonths(monthOf(todayIso()), -1));

export default async function DataPage() {
  const user = await requireArea("data");
  const [t, imports] = await Promise.all([getTranslations("data"), listImportBatches()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-8">
        {user.role === "ADMIN" ? <UploadPanel wcoSchemas={Boolean(env.WCO_SCHEMA_DIR)} /> : null}
        <WcoExportForm {...lastMonth()} />
        {imports.length ? (
          <ImportsTable imports={imports} />
        ) : (
          <EmptyState title={t("empty.title")} icon={<DatabaseIcon />}>
            <p>{t("empty.body")}</p>
          </EmptyState>
        )}
      </div>
    </>
  );
}
