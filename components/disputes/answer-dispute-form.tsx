"use client";
// The manager's answer to one open dispute: accept with a corrected value, accept with an annotation, or reject,
// always with a written answer. A share is typed in % and sent as a fraction, as in the contract form.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type FormAction, useFormAction } from "@/components/forms/use-form-action";

import { fromDisplay, kpiUnit } from "@/components/format/kpi-format";
import { parseTypedNumber } from "@/lib/contracts/typed-number";
import { useDisputeTexts } from "@/components/disputes/form-texts";
import { FormMessage, fieldErrorOf } from "@/components/forms/form-message";

const OUTCOMES = ["ACCEPTED_CORRECTED", "ACCEPTED_ANNOTATED", "REJECTED"] as const;

// What is typed, in the stored unit; left as typed when it is not a number, so the server names the error.
function storedValue(kpiId: string, typed: string): string {
  if (typed.trim() === "") return "";
  const n = parseTypedNumber(typed);
  return Number.isFinite(n) ? String(fromDisplay(kpiId, n)) : typed;
}

export function AnswerDisputeForm({
  disputeId,
  kpiId,
  action,
}: {
  disputeId: number;
  kpiId: string;
  action: FormAction;
}) {
  const t = useTranslations("disputes.answerForm");
  const { result, pending, formProps } = useFormAction(action);
  const texts = useDisputeTexts();
  const errorFor = fieldErrorOf(result, texts);
  const [outcome, setOutcome] = useState<string>("");
  const [typed, setTyped] = useState("");
  const id = (name: string) => `dispute-${disputeId}-${name}`;
  return (
    <form
      {...formProps}
      className="mt-4 flex flex-col gap-4 rounded-md border border-slate-200 bg-slate-50 p-4"
      aria-label={t("title")}
      data-testid="answer-dispute-form"
    >
      <input type="hidden" name="disputeId" value={disputeId} />
      <input
        type="hidden"
        name="correctedValue"
        value={outcome === "ACCEPTED_CORRECTED" ? storedValue(kpiId, typed) : ""}
      />
      <FormMessage result={result} texts={texts} />
      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={errorFor("outcome") ? id("outcome-error") : undefined}
      >
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("outcome")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {OUTCOMES.map((o) => (
            <label key={o} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input
                type="radio"
                name="outcome"
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
                className="h-4 w-4 text-brand-600 focus:ring-brand-600"
              />
              {t(o)}
            </label>
          ))}
        </div>
        {errorFor("outcome") ? (
          <p id={id("outcome-error")} className="text-xs font-medium text-red-700">
            {errorFor("outcome")}
          </p>
        ) : null}
      </fieldset>
      {outcome === "ACCEPTED_CORRECTED" ? (
        <div className="max-w-xs">
          <Field
            id={id("corrected")}
            label={t("correctedValue")}
            hint={kpiUnit(kpiId) === "share" ? t("correctedHintShare") : t("correctedHintOther")}
            error={errorFor("correctedValue")}
          >
            <input
              type="text"
              inputMode="decimal"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              className={inputClasses}
              autoComplete="off"
            />
          </Field>
        </div>
      ) : null}
      <Field id={id("answer")} label={t("answer")} hint={t("answerHint")} error={errorFor("answer")}>
        <textarea name="answer" rows={3} className={inputClasses} />
      </Field>
      <div>
        <SubmitButton pending={pending} pendingLabel={t("submitting")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
