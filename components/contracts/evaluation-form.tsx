"use client";
// Evaluates a quarter that is over: the manager sees the scorecard that will be frozen, then records a decision.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { EVALUATION_DECISIONS } from "@/lib/contracts/schema";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

import { type FormAction, useFormAction } from "@/components/forms/use-form-action";
import { useContractTexts } from "@/components/contracts/form-texts";
import { FormMessage, fieldErrorOf } from "@/components/forms/form-message";

export function EvaluationForm({
  contractId,
  quarters,
  previews,
  action,
}: {
  contractId: number;
  quarters: { value: string; label: string }[];
  // The scorecard of each quarter as it would be frozen now, rendered on the server.
  previews: Record<string, React.ReactNode>;
  action: FormAction;
}) {
  const t = useTranslations("contracts");
  const { result, pending, formProps } = useFormAction(action);
  const texts = useContractTexts();
  const errorFor = fieldErrorOf(result, texts);
  const [quarter, setQuarter] = useState(quarters[0]?.value ?? "");
  return (
    <form
      {...formProps}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby="evaluation-form-title"
    >
      <h3 id="evaluation-form-title" className="text-sm font-semibold text-slate-900">
        {t("evaluations.formTitle")}
      </h3>
      <p className="text-sm text-slate-600">{t("evaluations.formHint")}</p>
      <input type="hidden" name="contractId" value={contractId} />
      <FormMessage result={result} texts={texts} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="evaluation-quarter" label={t("evaluations.quarter")} error={errorFor("quarter")}>
          <select name="quarter" value={quarter} onChange={(e) => setQuarter(e.target.value)} className={inputClasses}>
            {quarters.map((q) => (
              <option key={q.value} value={q.value}>
                {q.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="evaluation-decision" label={t("evaluations.decision")} error={errorFor("decision")}>
          <select name="decision" defaultValue="" className={inputClasses}>
            <option value="" disabled>
              {t("evaluations.chooseDecision")}
            </option>
            {EVALUATION_DECISIONS.map((d) => (
              <option key={d} value={d}>
                {t(`decision.${d}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {previews[quarter] ? (
        <div aria-live="polite">
          <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
            {t("evaluations.preview", { quarter: quarters.find((q) => q.value === quarter)?.label ?? quarter })}
          </p>
          {previews[quarter]}
        </div>
      ) : null}
      <Field id="evaluation-comments" label={t("evaluations.comments")} error={errorFor("comments")}>
        <textarea name="comments" rows={3} className={inputClasses} />
      </Field>
      <div>
        <SubmitButton pending={pending} pendingLabel={t("evaluations.submitting")}>
          {t("evaluations.submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
