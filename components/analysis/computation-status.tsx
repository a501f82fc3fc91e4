// Whether a stored TRS or mirror table exists for what the page shows, when it was computed and from which import,
// whether later imports changed the data, and the Compute button.
import { getFormatter, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { analysisFormat } from "@/components/analysis/analysis-format";
import { ComputeButton, type ComputeRequest } from "@/components/analysis/compute-button";

export async function ComputationStatus({
  stored,
  latestImport,
  request,
  missingText,
}: {
  stored: { computedAt: Date; lastImportId: number | null } | null;
  latestImport: number | null;
  request: ComputeRequest;
  missingText: string;
}) {
  const [t, ta, format] = await Promise.all([
    getTranslations("analysis.compute"),
    getTranslations("analysis"),
    getFormatter(),
  ]);
  const f = analysisFormat(format, ta);
  const stale = !!stored && latestImport !== null && (stored.lastImportId ?? 0) < latestImport;
  const kind = request.kind === "trs" ? "Trs" : "Mirror";
  return (
    <div
      className="mb-6 flex flex-wrap items-start justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="computation-status"
      data-stored={stored ? "yes" : "no"}
    >
      <div className="max-w-3xl space-y-2 text-sm text-slate-700">
        {stored ? (
          <p>
            {stored.lastImportId
              ? t("stored", { date: f.instant(stored.computedAt), importId: stored.lastImportId })
              : t("storedNoImport", { date: f.instant(stored.computedAt) })}
          </p>
        ) : (
          <Notice tone="info">{missingText}</Notice>
        )}
        {stale ? <Notice tone="info">{t("stale", { importId: latestImport! })}</Notice> : null}
      </div>
      <ComputeButton
        requests={[request]}
        label={t(stored ? `recompute${kind}` : `compute${kind}`)}
        variant={stored ? "secondary" : "primary"}
      />
    </div>
  );
}
