"use client";
// "Open a case with all its flags" on a subject of the work queue: one case on everything behind the subject that
// the analyst may see and that is still to triage, with an optional title. Once opened, the case's page follows
// (nothing is left to triage behind the subject).
import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { IDLE, type FormResult } from "@/lib/kernel/form-result";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TriageMessage } from "@/components/integrity/flag-triage-form";

type Action = (previous: FormResult, formData: FormData) => Promise<FormResult>;

export function SubjectCaseButton({
  action,
  subject,
  window,
  flags,
}: {
  action: Action;
  subject: { type: string; id: string };
  window: { from: string; to: string };
  flags: number;
}) {
  const t = useTranslations("triage.subject");
  const [result, dispatch, pending] = useActionState(action, IDLE);
  const [open, setOpen] = useState(false);
  const router = useRouter();
  useEffect(() => {
    if (result.status === "success") router.push(`/integrity/cases/${String(result.values.caseId)}`);
  }, [result, router]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }

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
              onSubmit={onSubmit}
              noValidate
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
