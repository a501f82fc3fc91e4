"use client";
// Retention settings, and running the job at once instead of waiting for the night.
import { useTranslations } from "next-intl";
import type { RetentionSettingsView } from "@/lib/privacy/retention-settings";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { FormMessage, fieldErrorOf } from "@/components/forms/form-message";
import { usePrivacyTexts } from "@/components/privacy/form-texts";

export function RetentionForm({
  settings,
  save,
  run,
}: {
  settings: RetentionSettingsView;
  save: FormAction;
  run: FormAction;
}) {
  const t = useTranslations("privacy.retention");
  const saving = useFormAction(save, { resetOnSuccess: false });
  const running = useFormAction(run, { resetOnSuccess: false });
  const texts = usePrivacyTexts();
  const errorFor = fieldErrorOf(saving.result, texts);
  return (
    <div className="space-y-6">
      <form {...saving.formProps} className="flex flex-col gap-5">
        <FormMessage result={saving.result} texts={texts} />
        <div className="grid grid-cols-1 gap-5 sm:grid-cols-3">
          <Field
            id="retention-declarations"
            label={t("declarationDays")}
            hint={t("declarationHint")}
            error={errorFor("declarationDataDays")}
          >
            <input
              name="declarationDataDays"
              type="number"
              min={1}
              defaultValue={settings.declarationDataDays ?? ""}
              className={inputClasses}
            />
          </Field>
          <Field id="retention-action" label={t("action")}>
            <select name="declarationAction" defaultValue={settings.declarationAction} className={inputClasses}>
              <option value="pseudonymise">{t("actions.pseudonymise")}</option>
              <option value="delete">{t("actions.delete")}</option>
            </select>
          </Field>
          <Field id="retention-views" label={t("viewLogDays")} hint={t("viewLogHint")} error={errorFor("viewLogDays")}>
            <input
              name="viewLogDays"
              type="number"
              min={1}
              defaultValue={settings.viewLogDays ?? ""}
              className={inputClasses}
            />
          </Field>
        </div>
        <div>
          <SubmitButton pending={saving.pending} pendingLabel={t("saving")}>
            {t("save")}
          </SubmitButton>
        </div>
      </form>
      <form {...running.formProps} className="flex flex-col gap-3 border-t border-slate-200 pt-5">
        <FormMessage result={running.result} texts={texts} />
        <div>
          <SubmitButton pending={running.pending} pendingLabel={t("running")} variant="secondary">
            {t("runNow")}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
