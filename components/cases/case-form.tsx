"use client";
// One step of a case as a form: the fields (rendered by the page), the outcome in the user's language (keys of
// "cases.feedback" and "cases.errors", falling back to "contracts.errors"), each field's error listed under the
// message, and the page refreshed after a success so the new status shows everywhere.
import { useTranslations } from "next-intl";
import type { ContractFormResult } from "@/lib/contracts/form-result";
import type { MessageValues } from "@/lib/contracts/contract-error";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import { useContractForm, type ContractFormAction } from "@/components/contracts/use-contract-form";

export function useCaseErrorText(): (key: string, values?: MessageValues) => string {
  const t = useTranslations("cases.errors");
  const tc = useTranslations("contracts.errors");
  return (key, values = {}) => (t.has(key) ? t(key, values) : tc.has(key) ? tc(key, values) : t("invalidInput"));
}

export function CaseFormMessage({ result }: { result: ContractFormResult }) {
  const t = useTranslations("cases.feedback");
  const errorText = useCaseErrorText();
  if (result.status === "idle") return null;
  if (result.status === "success") return <Notice tone="success">{t.has(result.message) ? t(result.message, result.values) : result.message}</Notice>;
  const fieldMessages = [...new Set(Object.values(result.fieldErrors).map((e) => errorText(e.key, e.values)))];
  const main = errorText(result.message, result.values);
  return (
    <Notice tone="error">
      {main}
      {fieldMessages.filter((m) => m !== main).length ? (
        <ul className="mt-1 list-disc pl-5">
          {fieldMessages.filter((m) => m !== main).map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

export function CaseForm({
  action,
  caseId,
  title,
  submitLabel,
  pendingLabel,
  variant = "primary",
  testId,
  children,
}: {
  action: ContractFormAction;
  caseId: number;
  title: string;
  submitLabel: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  testId: string;
  children: React.ReactNode;
}) {
  const { result, pending, formProps } = useContractForm(action);
  return (
    <form {...formProps} aria-label={title} data-testid={testId} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 className="text-base font-semibold text-slate-900">{title}</h3>
      <input type="hidden" name="caseId" value={caseId} />
      <CaseFormMessage result={result} />
      {children}
      <div>
        <SubmitButton pending={pending} pendingLabel={pendingLabel} variant={variant}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
