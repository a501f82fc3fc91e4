"use client";
// Triage of the one flag a page shows: dismiss it with a reason, or open a case with it (the inbox's bulk action on a
// single flag, same server action).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TriageMessage } from "@/components/integrity/flag-triage-form";

export function FlagPageTriage({ flagId, action }: { flagId: number; action: FormAction }) {
  const t = useTranslations("integrity.inbox.bulk");
  const { result, pending, formProps } = useFormAction(action);
  const [panel, setPanel] = useState<"dismiss" | "case" | null>(null);

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
              {...formProps}
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
