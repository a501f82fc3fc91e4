"use client";
// "Open a case with all its flags" on a subject of the work queue: one case on everything behind the subject that
// the analyst may see and that is still to triage, with an optional title. Once opened, the case's page follows
// (nothing is left to triage behind the subject).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TriageMessage } from "@/components/integrity/flag-triage-form";

export function SubjectCaseButton({
  action,
  subject,
  window,
  flags,
}: {
  action: FormAction;
  subject: { type: string; id: string };
  window: { from: string; to: string };
  flags: number;
}) {
  const t = useTranslations("triage.subject");
  // The action's answer names the new case's page, where the user goes next.
  const { result, pending, formProps } = useFormAction(action);
  const [open, setOpen] = useState(false);

  return (
    <div className="space-y-3" data-testid="subject-case">
      <TriageMessage result={result} />
      {result.status === "success" ? null : (
        <>
          <Button onClick={() => setOpen(!open)} aria-expanded={open} data-testid="subject-case-open">
            {t("openCase", { count: flags })}
          </Button>
          {open ? (
            <form
              {...formProps}
              className="flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-4"
              aria-label={t("openCase", { count: flags })}
            >
              <input type="hidden" name="subjectType" value={subject.type} />
              <input type="hidden" name="subjectId" value={subject.id} />
              <input type="hidden" name="from" value={window.from} />
              <input type="hidden" name="to" value={window.to} />
              <Field id="subject-case-title" label={t("caseTitle")} hint={t("caseTitleHint")}>
                <input type="text" name="title" className={inputClasses} maxLength={200} autoComplete="off" />
              </Field>
              <div>
                <SubmitButton pending={pending} pendingLabel={t("opening")}>
                  {t("confirmCase", { count: flags })}
                </SubmitButton>
              </div>
            </form>
          ) : null}
        </>
      )}
    </div>
  );
}
