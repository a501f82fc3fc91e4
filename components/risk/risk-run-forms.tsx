"use client";
// The risk screen's requests: train a model on chosen windows (empty = the default split: the last months with
// labels held out for the evaluation), score one month with the model shown, and check that model's drift again. Errors come back from the server
// action in the user's language.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { RiskActionState } from "@/lib/risk/risk-action-state";
import { inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/notice";

type Action = (state: RiskActionState, form: FormData) => Promise<RiskActionState>;
const initial: RiskActionState = { error: null, runId: null };

function DateField({ name, label }: { name: string; label: string }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={`risk-${name}`} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input id={`risk-${name}`} name={name} type="date" className={inputClasses} />
    </div>
  );
}

export function TrainForm({ action }: { action: Action }) {
  const t = useTranslations("risk.train");
  const [state, formAction] = useActionState(action, initial);
  return (
    <form action={formAction} className="space-y-3" data-testid="train-form">
      <div className="flex flex-wrap items-end gap-3">
        <fieldset className="flex flex-wrap items-end gap-3">
          <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
            {t("trainWindow")}
          </legend>
          <DateField name="trainFrom" label={t("from")} />
          <DateField name="trainTo" label={t("to")} />
        </fieldset>
        <fieldset className="flex flex-wrap items-end gap-3">
          <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
            {t("testWindow")}
          </legend>
          <DateField name="testFrom" label={t("from")} />
          <DateField name="testTo" label={t("to")} />
        </fieldset>
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
      </div>
      <p className="text-xs text-slate-600">{t("hint")}</p>
      {state.error ? <Notice tone="error">{t(`errors.${state.error}`)}</Notice> : null}
    </form>
  );
}

export function ScoreForm({
  action,
  modelId,
  months,
}: {
  action: Action;
  modelId: string;
  months: { value: string; label: string }[];
}) {
  const t = useTranslations("risk.score");
  const [state, formAction] = useActionState(action, initial);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" data-testid="score-form">
      <input type="hidden" name="modelId" value={modelId} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="risk-score-month" className="text-sm font-medium text-slate-800">
          {t("month")}
        </label>
        <select id="risk-score-month" name="month" defaultValue="" className={inputClasses}>
          <option value="">{t("latest")}</option>
          {months.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton variant="secondary" pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
      {state.error ? <Notice tone="error">{t(`errors.${state.error}`)}</Notice> : null}
    </form>
  );
}

export function DriftForm({ action, modelId }: { action: Action; modelId: string }) {
  const t = useTranslations("risk.driftRun");
  const [state, formAction] = useActionState(action, initial);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" data-testid="drift-form">
      <input type="hidden" name="modelId" value={modelId} />
      <SubmitButton variant="secondary" pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
      {state.error ? <Notice tone="error">{t("error")}</Notice> : null}
    </form>
  );
}
