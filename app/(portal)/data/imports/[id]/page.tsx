// /data/imports/:id — one import: live progress while it runs, then per-file counts, rejected rows to download
// and the data-quality report.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { AppError } from "@/lib/kernel/app-error";
import { getImportBatchOrThrow } from "@/lib/clearance/import-batches";
import { rejectedFiles } from "@/lib/clearance/rejected-row-files";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/notice";
import { ImportProgress } from "@/components/data/import-progress";
import { FileCountsTable } from "@/components/data/file-counts-table";
import { QualityReportView } from "@/components/data/quality-report";
import { StatusBadge } from "@/components/data/status-badge";
import { RetryImportButton } from "@/components/data/retry-import-button";
import { retryImportAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("data.detail");
  return { title: t("title", { id: (await params).id }) };
}

async function loadBatch(raw: string) {
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1) notFound();
  try {
    return await getImportBatchOrThrow(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function ImportPage({ params }: Props) {
  const user = await requireArea("data");
  const batch = await loadBatch((await params).id);
  const [t, format, rejected] = await Promise.all([
    getTranslations("data.detail"),
    getFormatter(),
    rejectedFiles(batch.id),
  ]);
  return (
    <>
      <PageHeader title={t("title", { id: batch.id })} description={t("description", { source: batch.sourceName })}>
        <Link href="/data" className="text-sm font-medium text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </PageHeader>
      <div className="space-y-8">
        <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-4">
          <div><dt className="text-slate-600">{t("status")}</dt><dd className="mt-1"><StatusBadge status={batch.status} /></dd></div>
          <div><dt className="text-slate-600">{t("kind")}</dt><dd className="mt-1 font-medium">{t(`kinds.${batch.kind}`)}</dd></div>
          <div><dt className="text-slate-600">{t("created")}</dt><dd className="mt-1">{format.dateTime(new Date(batch.createdAt), { dateStyle: "medium", timeStyle: "short" })}{batch.createdBy ? ` · ${batch.createdBy}` : ""}</dd></div>
          <div><dt className="text-slate-600">{t("hash")}</dt><dd className="mt-1 truncate font-mono text-xs" title={batch.sha256}>{batch.sha256.slice(0, 16)}…</dd></div>
        </dl>
        <ImportProgress id={batch.id} initial={batch} />
        {batch.status === "FAILED" ? (
          <Notice tone="error">
            {batch.errorKind === "interruptedTooOften" || batch.errorKind === "stopped"
              ? t(batch.errorKind, { attempts: batch.attempts, error: batch.error ?? "" })
              : t("failed", { error: batch.error ?? "" })}
          </Notice>
        ) : null}
        {batch.status === "QUEUED" && (batch.errorKind === "interrupted" || batch.errorKind === "attemptFailed") ? (
          <Notice tone="info">
            {t(batch.errorKind, { attempt: batch.attempts + 1, max: batch.maxAttempts, error: batch.error ?? "" })}
          </Notice>
        ) : null}
        {batch.status === "QUEUED" && batch.errorKind === "handedBack" ? (
          <Notice tone="info">{t("handedBack")}</Notice>
        ) : null}
        {user.role === "ADMIN" ? (
          <RetryImportButton
            batchId={batch.id}
            action={retryImportAction}
            canRetry={batch.status === "FAILED"}
            help={t("retryHelp", { max: batch.maxAttempts })}
          />
        ) : null}
        {batch.files ? <FileCountsTable id={batch.id} files={batch.files} rejectedFiles={rejected} /> : null}
        {batch.quality ? <QualityReportView report={batch.quality} /> : null}
      </div>
    </>
  );
}
