"use client";
// Records the monthly review of one month: what was discussed and the actions agreed.
import { useTranslations } from "next-intl";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

import { type FormAction, useFormAction } from "@/components/forms/use-form-action";
import { useContractTexts } from "@/components/contracts/form-texts";
import { FormMessage, fieldErrorOf } from "@/components/forms/form-message";

export function ReviewForm({
  contractId,
  months,
  action,
}: {
  contractId: number;
  months: { value: string; label: string }[];
  action: FormAction;
}) {
  const t = useTranslations("contracts.reviews");
  const { result, pending, formProps } = useFormAction(action);
  const texts = useContractTexts();
  const errorFor = fieldErrorOf(result, texts);
  return (
    <form
      {...formProps}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby="review-form-title"
    >
      <h3 id="review-form-title" className="text-sm font-semibold text-slate-900">
        {t("formTitle")}
      </h3>
      <input type="hidden" name="contractId" value={contractId} />
      <FormMessage result={result} texts={texts} />
      <Field id="review-month" label={t("month")} error={errorFor("month")}>
        <select name="month" defaultValue={months.at(-1)?.value} className={inputClasses}>
          {months.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="review-note" label={t("note")} error={errorFor("note")}>
        <textarea name="note" rows={3} className={inputClasses} />
      </Field>
      <Field id="review-actions" label={t("agreedActions")} error={errorFor("agreedActions")}>
        <textarea name="agreedActions" rows={2} className={inputClasses} />
      </Field>
      <div>
        <SubmitButton pending={pending} pendingLabel={t("submitting")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
