"use client";
// The party's appeal of a sanction, and a second manager's decision on it.
import { useTranslations } from "next-intl";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

import { type FormAction, useFormAction } from "@/components/forms/use-form-action";
import { useContractTexts } from "@/components/contracts/form-texts";
import { FormMessage, fieldErrorOf } from "@/components/forms/form-message";

export function AppealForm({ evaluationId, action }: { evaluationId: number; action: FormAction }) {
  const t = useTranslations("contracts.appeal");
  const { result, pending, formProps } = useFormAction(action);
  const texts = useContractTexts();
  const errorFor = fieldErrorOf(result, texts);
  return (
    <form
      {...formProps}
      className="mt-3 flex flex-col gap-3 rounded-md border border-red-200 bg-red-50/50 p-3"
      aria-label={t("title")}
    >
      <p className="text-sm font-semibold text-slate-900">{t("title")}</p>
      <p className="text-xs text-slate-700">{t("hint")}</p>
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <FormMessage result={result} texts={texts} />
      <Field id={`appeal-reason-${evaluationId}`} label={t("reason")} error={errorFor("reason")}>
        <textarea name="reason" rows={3} className={inputClasses} />
      </Field>
      <div>
        <SubmitButton pending={pending} pendingLabel={t("submitting")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}

export function DecideAppealForm({ evaluationId, action }: { evaluationId: number; action: FormAction }) {
  const t = useTranslations("contracts.decideAppeal");
  const { result, pending, formProps } = useFormAction(action);
  const texts = useContractTexts();
  const errorFor = fieldErrorOf(result, texts);
  return (
    <form
      {...formProps}
      className="mt-3 flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      aria-label={t("title")}
    >
      <p className="text-sm font-semibold text-slate-900">{t("title")}</p>
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <FormMessage result={result} texts={texts} />
      <Field id={`appeal-outcome-${evaluationId}`} label={t("outcome")} error={errorFor("outcome")}>
        <select name="outcome" defaultValue="" className={inputClasses}>
          <option value="" disabled>
            {t("chooseOutcome")}
          </option>
          <option value="UPHELD">{t("UPHELD")}</option>
          <option value="OVERTURNED">{t("OVERTURNED")}</option>
        </select>
      </Field>
      <Field id={`appeal-comments-${evaluationId}`} label={t("comments")} error={errorFor("comments")}>
        <textarea name="comments" rows={2} className={inputClasses} />
      </Field>
      <div>
        <SubmitButton pending={pending} pendingLabel={t("submitting")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
