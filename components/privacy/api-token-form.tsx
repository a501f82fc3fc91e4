"use client";
// Issuing an API token. The secret comes back once in the action's result and is shown here, to copy; it is not
// kept anywhere else.
import { useTranslations } from "next-intl";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { FormMessage, fieldErrorOf } from "@/components/forms/form-message";
import { usePrivacyTexts } from "@/components/privacy/form-texts";

export function ApiTokenForm({
  action,
  scopes,
  offices,
}: {
  action: FormAction;
  scopes: readonly string[];
  offices: { officeCode: string; name: string }[];
}) {
  const t = useTranslations("privacy.apiTokens");
  const { result, pending, round, formProps } = useFormAction(action, { resetOnSuccess: true });
  const texts = usePrivacyTexts();
  const errorFor = fieldErrorOf(result, texts);
  const secret = result.status === "success" ? String(result.values.secret ?? "") : "";
  return (
    <form {...formProps} className="flex flex-col gap-5">
      <FormMessage result={result} texts={texts} />
      {secret ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-4">
          <p className="text-sm font-medium text-amber-900">{t("secretLabel")}</p>
          <code data-testid="new-token" className="mt-2 block break-all rounded bg-white p-2 font-mono text-sm">
            {secret}
          </code>
        </div>
      ) : null}
      <div key={round} className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <Field id="token-name" label={t("fields.name")} hint={t("fields.nameHint")} error={errorFor("name")}>
          <input name="name" type="text" required autoComplete="off" className={inputClasses} />
        </Field>
        <Field
          id="token-office"
          label={t("fields.office")}
          hint={t("fields.officeHint")}
          error={errorFor("officeCode")}
        >
          <select name="officeCode" className={inputClasses} defaultValue="">
            <option value="">{t("fields.allOffices")}</option>
            {offices.map((o) => (
              <option key={o.officeCode} value={o.officeCode}>
                {o.officeCode} — {o.name}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-800">{t("fields.scopes")}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {scopes.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm text-slate-700">
                <input type="checkbox" name="scopes" value={scope} className="mt-0.5" />
                <span>
                  <span className="font-mono text-xs text-slate-500">{scope}</span>
                  <span className="block">{t(`scopes.${scope}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {errorFor("scopes") ? <p className="mt-1 text-xs font-medium text-red-700">{errorFor("scopes")}</p> : null}
        </fieldset>
        <Field id="token-days" label={t("fields.expiresInDays")} error={errorFor("expiresInDays")}>
          <input name="expiresInDays" type="number" min={1} max={366} defaultValue={90} className={inputClasses} />
        </Field>
        <Field id="token-rate" label={t("fields.rateLimit")} error={errorFor("rateLimitPerMinute")}>
          <input
            name="rateLimitPerMinute"
            type="number"
            min={1}
            max={6000}
            defaultValue={60}
            className={inputClasses}
          />
        </Field>
        <div className="sm:col-span-2">
          <Field
            id="token-purpose"
            label={t("fields.pseudonymPurpose")}
            hint={t("fields.pseudonymHint")}
            error={errorFor("pseudonymPurpose")}
          >
            <input name="pseudonymPurpose" type="text" autoComplete="off" className={inputClasses} />
          </Field>
        </div>
      </div>
      <div>
        <SubmitButton pending={pending} pendingLabel={t("issuing")}>
          {t("issue")}
        </SubmitButton>
      </div>
    </form>
  );
}
