// /admin/retention — how long declaration-level personal data and view logs are kept, the last runs of the job.
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { getRetentionSettings } from "@/lib/privacy/retention-settings";
import { lastRetentionRuns } from "@/lib/privacy/run-retention";
import { PageHeader } from "@/components/ui/page-header";
import { AdminSectionNav } from "@/components/admin/admin-section-nav";
import { RetentionForm } from "@/components/privacy/retention-form";
import { runRetentionAction, saveRetentionAction } from "../privacy-actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy.retention"))("title") };
}

export default async function RetentionPage() {
  await requireArea("admin");
  const [t, format, settings, runs] = await Promise.all([
    getTranslations("privacy.retention"),
    getFormatter(),
    getRetentionSettings(),
    lastRetentionRuns(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AdminSectionNav current="retention" />
      <section className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
        <RetentionForm settings={settings} save={saveRetentionAction} run={runRetentionAction} />
      </section>
      <section aria-labelledby="runs-title" className="mt-10 space-y-3">
        <h2 id="runs-title" className="text-lg font-semibold text-slate-900">
          {t("lastRuns")}
        </h2>
        {runs.length ? (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
            {runs.map((run) => (
              <li key={run.at} className="px-4 py-3">
                <span className="font-medium">
                  {format.dateTime(new Date(run.at), { dateStyle: "medium", timeStyle: "short" })}
                </span>{" "}
                —{" "}
                {t("ran", {
                  declarations: Number(run.data.pseudonymised ?? 0) + Number(run.data.deleted ?? 0),
                  views: Number(run.data.viewsDeleted ?? 0),
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("noRun")}</p>
        )}
      </section>
    </>
  );
}
