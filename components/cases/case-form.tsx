"use client";
// One step of a case as a form: the fields (rendered by the page), the outcome in the user's language (keys of
// "cases.feedback" and "cases.errors", falling back to "contracts.errors"), each field's error listed under the
// message, and the page refreshed after a success so the new status shows everywhere.
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import { type FormAction, useFormAction } from "@/components/forms/use-form-action";
import { useCaseTexts } from "@/components/cases/form-texts";
import { FormMessage } from "@/components/forms/form-message";

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
  action: FormAction;
  caseId: number;
  title: string;
  submitLabel: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  testId: string;
  children: React.ReactNode;
}) {
  const { result, pending, formProps } = useFormAction(action);
  const texts = useCaseTexts();
  return (
    <form
      {...formProps}
      aria-label={title}
      data-testid={testId}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h3 className="text-base font-semibold text-slate-900">{title}</h3>
      <input type="hidden" name="caseId" value={caseId} />
      <FormMessage result={result} texts={texts} listFieldErrors />
      {children}
      <div>
        <SubmitButton pending={pending} pendingLabel={pendingLabel} variant={variant}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
