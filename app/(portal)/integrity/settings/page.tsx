// /integrity/settings — the detection parameters in force beside the spec's defaults (INTEGRITY, ADMIN). Only
// administrators and national integrity analysts may change them (lib/integrity/settings-access.ts); every change
// is audited and applies from the next detection run, and every flag keeps the parameters that raised it.
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import { db } from "@/lib/db";
import { currentDetectionParams } from "@/lib/integrity/detection-settings";
import { DEFAULT_DETECTION_PARAMS } from "@/lib/integrity/detection-params";
import { canEditDetectionParams } from "@/lib/integrity/settings-access";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/notice";
import { IntegrityNav } from "@/components/integrity/integrity-nav";
import { DetectionParamsForm } from "@/components/integrity/detection-params-form";
import { saveDetectionParamsAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("integrity.settings"))("title") };
}

const KPIS = ["I1", "I2", "I4", "I7", "I8", "I9", "I12", "P11", "P4", "P8", "I5"];

export default async function DetectionSettingsPage() {
  const user = await requireIntegrityUser();
  const [t, te, format, current, saved] = await Promise.all([
    getTranslations("integrity.settings"),
    getTranslations("explore"),
    getFormatter(),
    currentDetectionParams(),
    db.detectionSettings.findUnique({ where: { id: 1 }, select: { updatedAt: true, updatedById: true } }),
  ]);
  const editor = saved?.updatedById
    ? await db.user.findUnique({ where: { id: saved.updatedById }, select: { name: true } })
    : null;
  const editable = canEditDetectionParams(user);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <IntegrityNav current="settings" />
      <div className="mb-6 space-y-3">
        <p className="text-sm text-slate-600" data-testid="params-status">
          {saved
            ? t("lastChanged", {
                when: format.dateTime(saved.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
                who: editor?.name ?? "—",
              })
            : t("defaults")}
        </p>
        {editable ? <Notice tone="info">{t("appliesNext")}</Notice> : <Notice tone="info">{t("readOnly")}</Notice>}
      </div>
      <DetectionParamsForm
        current={current}
        defaults={DEFAULT_DETECTION_PARAMS}
        editable={editable}
        action={saveDetectionParamsAction}
        kpiNames={Object.fromEntries(KPIS.map((k) => [k, te(`names.${k}`)]))}
      />
    </>
  );
}
