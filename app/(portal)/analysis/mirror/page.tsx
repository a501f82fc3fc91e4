// /analysis/mirror?year=&page=&flagged=1 — the mirror analysis of a year (the latest with partner exports unless
// chosen): the stored table ranked by revenue at stake, flagged flows first, with the rule that flagged them, its
// exports, and the Compute button.
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";
import { requireArea } from "@/lib/auth/guards";
import { MirrorQuery, queryString } from "@/lib/analysis/analysis-query";
import { mirrorYears, readMirrorRanking } from "@/lib/mirror/read-mirror";
import { latestImportId } from "@/lib/clearance/import-batches";
import { PageHeader } from "@/components/ui/page-header";
import { NoAnalysisData } from "@/components/analysis/no-analysis-data";
import { inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { ExportLinks } from "@/components/ui/export-links";
import { Pager } from "@/components/ui/pager";
import { analysisFormat } from "@/components/analysis/analysis-format";
import { ComputationStatus } from "@/components/analysis/computation-status";
import { MirrorRankingTable } from "@/components/analysis/mirror-ranking-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analysis.mirror"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MirrorPage({ searchParams }: Props) {
  await requireArea("analysis");
  const query = MirrorQuery.parse(await searchParams);
  const [t, ta, tc, format, years, latestImport] = await Promise.all([
    getTranslations("analysis.mirror"),
    getTranslations("analysis"),
    getTranslations("analysis.compute"),
    getFormatter(),
    mirrorYears(),
    latestImportId(),
  ]);
  const f = analysisFormat(format, ta);
  const header = <PageHeader title={t("title")} description={t("description")} />;
  const year = query.year ?? years[0];
  if (!year) {
    return <NoAnalysisData header={header} title={t("noData.title")} body={t("noData.body")} />;
  }
  const flaggedOnly = query.flagged === "1";
  const ranking = await readMirrorRanking(year, query.page, { flaggedOnly });
  const meta = ranking.meta;
  const label = "text-sm font-medium text-slate-800";
  const choices = years.includes(year) ? years : [year, ...years].sort((a, b) => b - a);
  return (
    <>
      {header}
      <form
        method="get"
        action="/analysis/mirror"
        aria-label={t("year")}
        className="mb-6 flex flex-wrap items-end gap-4"
        data-testid="mirror-year-form"
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor="mirror-year" className={label}>
            {t("year")}
          </label>
          <select id="mirror-year" name="year" defaultValue={String(year)} className={inputClasses}>
            {choices.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 py-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name="flagged"
            value="1"
            defaultChecked={flaggedOnly}
            className="h-4 w-4 rounded border-slate-300"
          />
          {t("flaggedOnly")}
        </label>
        <button type="submit" className={buttonClasses("secondary")}>
          {t("show")}
        </button>
      </form>
      <ComputationStatus
        stored={meta}
        latestImport={latestImport}
        request={{ kind: "mirror", year }}
        missingText={tc("missingMirror", { year })}
      />
      {meta ? (
        <div className="space-y-4">
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            {[
              { key: "flows", value: f.count(meta.rows) },
              { key: "flagged", value: f.count(meta.flagged) },
              { key: "revenue", value: f.amount(meta.revenueFlagged) },
            ].map((c) => (
              <Card key={c.key} className="p-4" data-testid={`mirror-card-${c.key}`}>
                <p className="text-xs font-medium text-slate-600">{t(`cards.${c.key}` as "cards.flows")}</p>
                <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{c.value}</p>
              </Card>
            ))}
          </div>
          <p className="text-sm leading-relaxed text-slate-700" data-testid="mirror-rule">
            {t("rule", {
              perUsd: format.number(meta.perUsd, { maximumFractionDigits: 6 }),
              k: format.number(meta.cifToFob, { maximumFractionDigits: 4 }),
              minExport: f.amount(meta.minExportUsd),
              minGap: f.share(meta.minRelGap),
            })}
          </p>
          <div className="flex justify-end">
            <ExportLinks base="/api/mirror/table" query={queryString({ year })} />
          </div>
          {ranking.rows.length ? (
            <MirrorRankingTable rows={ranking.rows} />
          ) : (
            <p className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">
              {t("table.empty")}
            </p>
          )}
          <Pager
            page={ranking.page}
            pageCount={ranking.pageCount}
            href={(page) => `/analysis/mirror?${queryString({ year, flagged: flaggedOnly ? "1" : undefined, page })}`}
          />
          <p className="text-xs leading-relaxed text-slate-600">{t("table.legend")}</p>
        </div>
      ) : null}
    </>
  );
}
