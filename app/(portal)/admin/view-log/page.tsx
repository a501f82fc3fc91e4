// /admin/view-log — the administrators' search of who looked at which officer's figures.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireArea } from "@/lib/auth/guards";
import { searchViews } from "@/lib/view-log/list-views";
import { VIEW_KINDS } from "@/lib/view-log/view-events";
import { firstValues } from "@/lib/explore/schema";
import { PageHeader } from "@/components/ui/page-header";
import { Field, inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { AdminSectionNav } from "@/components/admin/admin-section-nav";
import { ViewLogTable } from "@/components/privacy/view-log-table";

export const dynamic = "force-dynamic";

const Day = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).catch("");
const Filters = z.object({
  officer: z.string().trim().max(120).catch(""),
  viewer: z.string().trim().max(120).catch(""),
  what: z.union([z.literal(""), z.enum(VIEW_KINDS)]).catch(""),
  from: Day,
  to: Day,
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy.viewLog"))("adminTitle") };
}

export default async function ViewLogPage({ searchParams }: Props) {
  await requireArea("admin");
  const f = Filters.parse({ officer: "", viewer: "", what: "", from: "", to: "", ...firstValues(await searchParams) });
  const [t, views] = await Promise.all([
    getTranslations("privacy.viewLog"),
    searchViews({
      officerId: f.officer || null,
      viewer: f.viewer || null,
      what: f.what || null,
      from: f.from || null,
      to: f.to || null,
    }),
  ]);
  return (
    <>
      <PageHeader title={t("adminTitle")} description={t("adminDescription")} />
      <AdminSectionNav current="viewLog" />
      <form
        method="get"
        className="mb-6 grid grid-cols-1 items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-6"
      >
        <Field id="vl-officer" label={t("officer")}>
          <input name="officer" defaultValue={f.officer} className={inputClasses} />
        </Field>
        <Field id="vl-viewer" label={t("viewer")}>
          <input name="viewer" defaultValue={f.viewer} className={inputClasses} />
        </Field>
        <Field id="vl-what" label={t("what")}>
          <select name="what" defaultValue={f.what} className={inputClasses}>
            <option value="">{t("any")}</option>
            {VIEW_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="vl-from" label={t("from")}>
          <input name="from" type="date" defaultValue={f.from} className={inputClasses} />
        </Field>
        <Field id="vl-to" label={t("to")}>
          <input name="to" type="date" defaultValue={f.to} className={inputClasses} />
        </Field>
        <button type="submit" className={buttonClasses("primary")}>
          {t("search")}
        </button>
      </form>
      <p className="mb-3 text-sm text-slate-600">{t("results", { count: views.length })}</p>
      {views.length ? <ViewLogTable views={views} showOfficer /> : null}
    </>
  );
}
