// /explore/declarations/:declId — one declaration: every recorded field, its items, its events as a timeline and
// its inspections. Outside the user's scope it is a 404, like a declaration that does not exist.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/kernel/app-error";
import { getDeclarationOrThrow } from "@/lib/explore/get-declaration";
import { PageHeader } from "@/components/ui/page-header";
import { RecordTable } from "@/components/explore/record-table";
import { formatCell } from "@/components/explore/record-cell";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ declId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The title names only the id from the URL, never data read under a scope (decision 013).
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("explore.declaration");
  return { title: t("title", { id: decodeURIComponent((await params).declId) }) };
}

async function loadDeclaration(user: Awaited<ReturnType<typeof requireUser>>, declId: string) {
  try {
    return await getDeclarationOrThrow(user, declId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function DeclarationPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const declId = decodeURIComponent((await params).declId);
  const record = await loadDeclaration(user, declId);
  const back = (await searchParams).back;
  // Only a drill-down or a flag's evidence of this portal, never an outside address.
  const backHref =
    typeof back === "string" && (back.startsWith("/explore/kpi?") || /^\/integrity\/flags\/\d+(\?|$)/.test(back))
      ? back
      : null;
  const [t, tc, tv, ti] = await Promise.all([
    getTranslations("explore.declaration"),
    getTranslations("explore.columns"),
    getTranslations("explore.values"),
    getTranslations("integrity.flag"),
  ]);
  const fields = Object.entries(record.declaration);
  const values = await Promise.all(fields.map(([k, v]) => formatCell(k, v)));

  return (
    <>
      <PageHeader title={t("title", { id: declId })} description={t("description")}>
        {backHref ? (
          <Link href={backHref} className="text-sm font-medium text-brand-700 hover:underline">
            {backHref.startsWith("/integrity/") ? ti("backToFlag") : t("back")}
          </Link>
        ) : null}
      </PageHeader>
      <div className="space-y-8">
        <section aria-labelledby="record-title">
          <h2 id="record-title" className="mb-3 text-lg font-semibold text-slate-900">
            {t("record")}
          </h2>
          <dl
            className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-3 lg:grid-cols-4"
            data-testid="declaration-record"
          >
            {fields.map(([k], i) => (
              <div key={k}>
                <dt className="text-slate-600">{tc.has(k) ? tc(k) : k}</dt>
                <dd className="mt-0.5 font-medium tabular-nums text-slate-900" data-field={k}>
                  {values[i]}
                </dd>
              </div>
            ))}
          </dl>
        </section>

        <section aria-labelledby="items-title">
          <h2 id="items-title" className="mb-3 text-lg font-semibold text-slate-900">
            {t("items")}
          </h2>
          {record.items.length ? (
            <RecordTable
              caption={t("items")}
              rows={record.items}
              columns={Object.keys(record.items[0]!)}
              testId="declaration-items"
            />
          ) : (
            <p className="text-sm text-slate-600">{t("noItems")}</p>
          )}
        </section>

        <section aria-labelledby="events-title">
          <h2 id="events-title" className="mb-3 text-lg font-semibold text-slate-900">
            {t("events")}
          </h2>
          {record.events.length ? (
            <ol className="relative space-y-4 border-l border-slate-200 pl-6" data-testid="declaration-events">
              {record.events.map((e, i) => (
                <li key={i} className="relative">
                  <span
                    className="absolute -left-[1.9rem] top-1 h-3 w-3 rounded-full border-2 border-white bg-brand-600"
                    aria-hidden
                  />
                  <p className="text-sm font-medium text-slate-900">
                    {tv.has(`action.${String(e.action)}`)
                      ? tv(`action.${String(e.action)}` as never)
                      : String(e.action)}
                    {e.lane_from || e.lane_to ? (
                      <span className="ml-2 text-slate-600">{`${String(e.lane_from ?? "—")} → ${String(e.lane_to ?? "—")}`}</span>
                    ) : null}
                  </p>
                  <p className="text-xs tabular-nums text-slate-600">
                    {String(e.ts)}
                    {e.officer_id ? ` · ${tc("officer_id")} ${String(e.officer_id)}` : ""}
                  </p>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-slate-600">{t("noEvents")}</p>
          )}
        </section>

        <section aria-labelledby="inspections-title">
          <h2 id="inspections-title" className="mb-3 text-lg font-semibold text-slate-900">
            {t("inspections")}
          </h2>
          {record.inspections.length ? (
            <RecordTable
              caption={t("inspections")}
              rows={record.inspections}
              columns={Object.keys(record.inspections[0]!)}
              testId="declaration-inspections"
            />
          ) : (
            <p className="text-sm text-slate-600">{t("noInspections")}</p>
          )}
        </section>
      </div>
    </>
  );
}
