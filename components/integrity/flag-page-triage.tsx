"use client";
// Triage of the one flag a page shows: dismiss it with a reason, or open a case with it (the inbox's bulk action on a
// single flag, same server action).
import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { IDLE, type FormResult } from "@/lib/kernel/form-result";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TriageMessage } from "@/components/integrity/flag-triage-form";

type Action = (previous: FormResult, formData: FormData) => Promise<FormResult>;

export function FlagPageTriage({ flagId, action }: { flagId: number; action: Action }) {
  const t = useTranslations("integrity.inbox.bulk");
  const [result, dispatch, pending] = useActionState(action, IDLE);
  const [panel, setPanel] = useState<"dismiss" | "case" | null>(null);
  const router = useRouter();
  useEffect(() => {
    if (result.status === "success") router.refresh();
  }, [result, router]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }

  return (
    <div className="space-y-3" data-testid="flag-triage">
      <TriageMessage result={result} />
      {result.status === "success" ? null : (
        <>
          <div className="flex gap-2">
            <Button
              variant="danger"
              onClick={() => setPanel(panel === "dismiss" ? null : "dismiss")}
              aria-expanded={panel === "dismiss"}
              data-testid="flag-dismiss"
            >
              {t("dismissOne")}
            </Button>
            <Button
              variant="secondary"
              onClick={() => setPanel(panel === "case" ? null : "case")}
              aria-expanded={panel === "case"}
              data-testid="flag-case"
            >
              {t("openCase")}
            </Button>
          </div>
          {panel ? (
            <form
              onSubmit={onSubmit}
              noValidate
              className="flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-4"
              aria-label={panel === "dismiss" ? t("dismissOne") : t("openCase")}
            >
              <input type="hidden" name="flagIds" value={flagId} />
              <input type="hidden" name="intent" value={panel} />
              {panel === "dismiss" ? (
                <Field id="flag-reason" label={t("reason")} hint={t("reasonHint")}>
                  <textarea name="reason" rows={2} className={inputClasses} required />
                </Field>
              ) : (
                <Field id="flag-case-title" label={t("caseTitle")} hint={t("caseTitleHint")}>
                  <input type="text" name="title" className={inputClasses} maxLength={200} autoComplete="off" />
                </Field>
              )}
              <div>
                <SubmitButton
                  pending={pending}
                  pendingLabel={panel === "dismiss" ? t("dismissing") : t("opening")}
                  variant={panel === "dismiss" ? "danger" : "primary"}
                >
                  {panel === "dismiss" ? t("confirmDismiss", { count: 1 }) : t("confirmCase", { count: 1 })}
                </SubmitButton>
              </div>
            </form>
          ) : null}
        </>
      )}
    </div>
  );
}
