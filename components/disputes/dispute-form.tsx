"use client";
// The officer files a dispute: which contract (when several), which indicator and month, why, and optionally the
// declarations concerned. The choices are those openDispute accepts; the server checks everything again.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type FormAction, useFormAction } from "@/components/forms/use-form-action";
import { useDisputeTexts } from "@/components/disputes/form-texts";
import { FormMessage, fieldErrorOf } from "@/components/forms/form-message";

type Option = { value: string; label: string };
export type DisputeFormChoice = { id: number; label: string; kpis: Option[]; months: Option[] };

export function DisputeForm({ choices, action }: { choices: DisputeFormChoice[]; action: FormAction }) {
  const t = useTranslations("disputes.form");
  const { result, pending, formProps } = useFormAction(action);
  const texts = useDisputeTexts();
  const errorFor = fieldErrorOf(result, texts);
  const [contractId, setContractId] = useState(choices[0]?.id ?? 0);
  const chosen = choices.find((c) => c.id === contractId) ?? choices[0];
  if (!chosen) return null;
  return (
    <form
      {...formProps}
      className="flex max-w-2xl flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby="dispute-form-title"
      data-testid="dispute-form"
    >
      <h3 id="dispute-form-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h3>
      <FormMessage result={result} texts={texts} />
      {choices.length > 1 ? (
        <Field id="dispute-contract" label={t("contract")} error={errorFor("contractId")}>
          <select
            name="contractId"
            value={contractId}
            onChange={(e) => setContractId(Number(e.target.value))}
            className={inputClasses}
          >
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <input type="hidden" name="contractId" value={chosen.id} />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {/* Keyed by contract: another contract's indicators and months start from its own first option. */}
        <Field id="dispute-kpi" label={t("kpi")} error={errorFor("kpiId")}>
          <select key={`kpi-${chosen.id}`} name="kpiId" defaultValue={chosen.kpis[0]?.value} className={inputClasses}>
            {chosen.kpis.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="dispute-month" label={t("month")} error={errorFor("month")}>
          <select
            key={`month-${chosen.id}`}
            name="month"
            defaultValue={chosen.months.at(-1)?.value}
            className={inputClasses}
          >
            {chosen.months.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="dispute-reason" label={t("reason")} hint={t("reasonHint")} error={errorFor("reason")}>
        <textarea name="reason" rows={3} className={inputClasses} />
      </Field>
      <Field id="dispute-decls" label={t("declIds")} hint={t("declIdsHint")} error={errorFor("declIds")}>
        <textarea
          name="declIds"
          rows={2}
          className={`${inputClasses} font-mono`}
          spellCheck={false}
          autoComplete="off"
        />
      </Field>
      <div>
        <SubmitButton pending={pending} pendingLabel={t("submitting")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
