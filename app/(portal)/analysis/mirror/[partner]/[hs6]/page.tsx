// /analysis/mirror/:partner/:hs6?year=&page= — behind one mirror flow: its stored figures, the importers of that HS6
// consigned from the partner in the year (Σ customs value, declarations) and the import declarations themselves,
// paged on the server, each opening its declaration record. Narrowed to the user's offices.
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireArea } from "@/lib/auth/guards";
import { visibleOfficeCodes } from "@/lib/analysis/analysis-access";
import { MirrorQuery, queryString } from "@/lib/analysis/analysis-query";
import { mirrorYears, storedMirrorRow } from "@/lib/mirror/read-mirror";
import { mirrorDrill, type DrillQuery } from "@/lib/mirror/mirror-drill";
import type { SessionUser } from "@/lib/auth/session-user";
import { PageHeader } from "@/components/ui/page-header";
import { ScopeNote } from "@/components/shell/scope-note";
import { Pager } from "@/components/ui/pager";
import { analysisFormat } from "@/components/analysis/analysis-format";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { TableFrame, TableHead } from "@/components/ui/table-frame";

export const dynamic = "force-dynamic";

const Params = z.object({ partner: z.string().regex(/^[A-Za-z0-9]{2,3}$/), hs6: z.string().regex(/^\d{6}$/) });
const SHOWN_IMPORTERS = 20;
const th = "px-3 py-2";

// The import side (importers and declarations), read on demand, streamed behind a skeleton.
async function ImportSide({ user, query }: { user: SessionUser; query: DrillQuery }) {
  const { year, partnerCountry: partner, hs6 } = query;
  const [t, ta, tv, format, drill] = await Promise.all([
    getTranslations("analysis.mirror.drill"),
    getTranslations("analysis"),
    getTranslations("explore.values.status"),
    getFormatter(),
    mirrorDrill(user, query),
  ]);
  const f = analysisFormat(format, ta);
  const scoped = visibleOfficeCodes(user) !== null;
  const self = `/analysis/mirror/${encodeURIComponent(partner)}/${encodeURIComponent(hs6)}`;
  return drill.totals.declarations ? (
    <>
      <p className="text-sm text-slate-700" data-testid="drill-totals">
        {t("totals", {
          declarations: drill.totals.declarations,
          importers: drill.totals.importers,
          cif: f.amount(drill.totals.cif),
        })}
      </p>
      <section aria-labelledby="drill-importers" className="space-y-2">
        <h2 id="drill-importers" className="text-lg font-semibold text-slate-900">
          {t("importers")}
        </h2>
        <TableFrame caption={t("importersCaption", { partner, hs6, year })} testId="drill-importers">
          <TableHead>
            <th scope="col" className={th}>
              {t("importer")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("declarations")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("cif")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("netKg")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("taxes")}
            </th>
          </TableHead>
          <tbody className="divide-y divide-slate-100">
            {drill.importers.slice(0, SHOWN_IMPORTERS).map((i) => (
              <tr key={i.importerId ?? ""} data-importer={i.importerId ?? ""}>
                <td className="px-3 py-1.5 font-medium text-slate-900">{i.importerId ?? f.none}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{f.count(i.declarations)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums" data-value={i.cif}>
                  {f.amount(i.cif)}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{f.amount(i.netKg)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{f.amount(i.taxes)}</td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
        {drill.importers.length > SHOWN_IMPORTERS ? (
          <p className="text-xs text-slate-600">
            {t("moreImporters", { shown: SHOWN_IMPORTERS, count: drill.importers.length })}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="drill-declarations" className="space-y-2">
        <h2 id="drill-declarations" className="text-lg font-semibold text-slate-900">
          {t("declarations")}
        </h2>
        <TableFrame caption={t("declarationsCaption", { partner, hs6, year })} testId="drill-declarations">
          <TableHead>
            <th scope="col" className={th}>
              {t("declaration")}
            </th>
            <th scope="col" className={th}>
              {t("registered")}
            </th>
            <th scope="col" className={th}>
              {t("office")}
            </th>
            <th scope="col" className={th}>
              {t("importer")}
            </th>
            <th scope="col" className={th}>
              {t("status")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("items")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("cif")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("netKg")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("taxes")}
            </th>
          </TableHead>
          <tbody className="divide-y divide-slate-100">
            {drill.declarations.map((d) => (
              <tr key={d.declId} data-decl={d.declId}>
                <td className="px-3 py-1.5">
                  <Link
                    href={`/explore/declarations/${encodeURIComponent(d.declId)}`}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline"
                    prefetch={false}
                  >
                    {d.declId}
                  </Link>
                </td>
                <td className="px-3 py-1.5 tabular-nums text-slate-700">{d.regTs}</td>
                <td className="px-3 py-1.5">{d.officeCode}</td>
                <td className="px-3 py-1.5">{d.importerId ?? f.none}</td>
                <td className="px-3 py-1.5" data-status={d.status}>
                  {tv.has(d.status) ? tv(d.status as "released") : d.status}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{f.count(d.items)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{f.amount(d.cif)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{f.amount(d.netKg)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{f.amount(d.taxes)}</td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
        <Pager
          page={drill.page}
          pageCount={drill.pageCount}
          href={(page) => `${self}?${queryString({ year, page })}`}
        />
      </section>
    </>
  ) : (
    <p
      className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600"
      data-testid="drill-empty"
    >
      {t("empty", { year, scoped: scoped ? "yes" : "no" })}
    </p>
  );
}

type Props = {
  params: Promise<{ partner: string; hs6: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The title names only what is in the URL.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { partner, hs6 } = await params;
  return { title: `${decodeURIComponent(partner)} × ${decodeURIComponent(hs6)}` };
}

export default async function MirrorDrillPage({ params, searchParams }: Props) {
  const user = await requireArea("analysis");
  const raw = await params;
  const parsed = Params.safeParse({ partner: decodeURIComponent(raw.partner), hs6: decodeURIComponent(raw.hs6) });
  if (!parsed.success) notFound();
  const { partner, hs6 } = parsed.data;
  const query = MirrorQuery.parse(await searchParams);
  const year = query.year ?? (await mirrorYears())[0];
  if (!year) notFound();
  const [t, tt, ta, format, row] = await Promise.all([
    getTranslations("analysis.mirror.drill"),
    getTranslations("analysis.mirror.table"),
    getTranslations("analysis"),
    getFormatter(),
    storedMirrorRow(year, partner, hs6),
  ]);
  const f = analysisFormat(format, ta);
  const figures = row
    ? [
        [tt("x"), f.amount(row.xFobUsd)],
        [tt("m"), f.amount(row.mFobUsd)],
        [tt("valueGap"), f.amount(row.valueGapUsd)],
        [tt("relGap"), f.share(row.relGap)],
        [tt("qtyGap"), f.share(row.qtyGap)],
        [tt("uvRatio"), f.ratio(row.unitValueRatio)],
        [tt("revenue"), f.amount(row.revenueAtStake)],
        [tt("flag"), row.flagged ? tt("flagged") : tt("notFlagged")],
      ]
    : [];
  return (
    <>
      <p className="mb-3 text-sm">
        <Link href={`/analysis/mirror?${queryString({ year })}`} className="font-medium text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("title", { partner, hs6, year })} description={t("description", { partner, hs6, year })} />
      <ScopeNote user={user} />
      <div className="space-y-8">
        <section aria-labelledby="drill-figures">
          <h2 id="drill-figures" className="mb-3 text-lg font-semibold text-slate-900">
            {t("figures")}
          </h2>
          {row ? (
            <dl
              className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-4"
              data-testid="drill-figures"
              data-flagged={row.flagged ? "yes" : "no"}
            >
              {figures.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="mt-0.5 font-medium tabular-nums text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-slate-600">{t("notStored", { year })}</p>
          )}
        </section>

        <Suspense key={`${year}|${partner}|${hs6}|${query.page}`} fallback={<SectionSkeleton label={ta("loading")} />}>
          <ImportSide user={user} query={{ year, partnerCountry: partner, hs6, page: query.page }} />
        </Suspense>
      </div>
    </>
  );
}
