"use client";
// Bulk triage around the inbox table: the table's checkboxes (name "flagIds") belong to this form; the bar shows
// how many are selected and offers "Dismiss" (a reason is required) or "Open a case" (an optional title). The server
// action answers with a message of "integrity.feedback" or "integrity.errors".
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { IDLE, type FormResult } from "@/lib/kernel/form-result";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (previous: FormResult, formData: FormData) => Promise<FormResult>;
type Panel = "dismiss" | "case" | null;

export function TriageMessage({ result }: { result: FormResult }) {
  const t = useTranslations("integrity");
  if (result.status === "idle") return null;
  if (result.status === "success") {
    return (
      <Notice tone="success">
        {t(`feedback.${result.message}` as never, result.values as never)}
        {result.message === "caseOpened" ? (
          <>
            {" "}
            <Link href={`/integrity/cases/${result.values.caseId}`} className="font-medium underline">
              {t("feedback.openCase")}
            </Link>
          </>
        ) : null}
      </Notice>
    );
  }
  // An invalid input names its first field's problem ("a reason is required"), not just "invalid".
  const first = Object.values(result.fieldErrors)[0];
  const [message, values] =
    result.message === "invalidInput" && first ? [first.key, first.values] : [result.message, result.values];
  const key = `errors.${message}`;
  return (
    <Notice tone="error">{t.has(key as never) ? t(key as never, values as never) : t("errors.invalidInput")}</Notice>
  );
}

// selectable: how many rows of the page can be triaged (NEW flags carry a checkbox, the others none).
export function FlagTriageForm({
  action,
  selectable,
  children,
}: {
  action: Action;
  selectable: number;
  children: React.ReactNode;
}) {
  const t = useTranslations("integrity.inbox.bulk");
  const te = useTranslations("integrity");
  const [result, dispatch, pending] = useActionState(action, IDLE);
  const [selected, setSelected] = useState(0);
  const [panel, setPanel] = useState<Panel>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const router = useRouter();

  const count = () => formRef.current?.querySelectorAll<HTMLInputElement>('input[name="flagIds"]:checked').length ?? 0;
  // A new success empties the selection and closes the panel, adjusted while rendering it rather than in an effect.
  const [seen, setSeen] = useState(result);
  if (seen !== result) {
    setSeen(result);
    if (result.status === "success") {
      setSelected(0);
      setPanel(null);
    }
  }
  useEffect(() => {
    if (result.status !== "success") return;
    formRef.current?.reset();
    router.refresh();
  }, [result, router]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  }

  function toggleAll(checked: boolean) {
    formRef.current
      ?.querySelectorAll<HTMLInputElement>('input[name="flagIds"]')
      .forEach((box) => (box.checked = checked));
    setSelected(count());
  }

  const fieldError = (field: string) => {
    if (result.status !== "error") return undefined;
    const e = result.fieldErrors[field];
    if (!e) return undefined;
    const key = `errors.${e.key}`;
    return te.has(key as never) ? te(key as never, e.values as never) : te("errors.invalidInput");
  };

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={() => setSelected(count())}
      noValidate
      aria-label={t("label")}
      data-testid="flag-triage-form"
      className="space-y-3"
    >
      <TriageMessage result={result} />
      <div
        className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm"
        data-testid="bulk-bar"
      >
        <label className="inline-flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="h-4 w-4 rounded border-slate-300 text-brand-600"
            onChange={(e) => toggleAll(e.target.checked)}
            checked={selected > 0 && selected === selectable}
            disabled={!selectable}
            aria-label={t("selectAll")}
          />
          {t("selectAll")}
        </label>
        <span className="text-sm font-medium text-slate-900" aria-live="polite" data-testid="selected-count">
          {t("selected", { count: selected })}
        </span>
        <div className="ml-auto flex gap-2">
          <Button
            variant="danger"
            disabled={!selected}
            onClick={() => setPanel(panel === "dismiss" ? null : "dismiss")}
            aria-expanded={panel === "dismiss"}
            data-testid="bulk-dismiss"
          >
            {t("dismiss")}
          </Button>
          <Button
            variant="secondary"
            disabled={!selected}
            onClick={() => setPanel(panel === "case" ? null : "case")}
            aria-expanded={panel === "case"}
            data-testid="bulk-case"
          >
            {t("openCase")}
          </Button>
        </div>
        {panel === "dismiss" && selected ? (
          <div className="flex w-full flex-col gap-3 border-t border-slate-100 pt-3">
            <Field id="dismiss-reason" label={t("reason")} hint={t("reasonHint")} error={fieldError("reason")}>
              <textarea name="reason" rows={2} className={inputClasses} required />
            </Field>
            <div>
              <SubmitButton pending={pending} pendingLabel={t("dismissing")} variant="danger">
                {t("confirmDismiss", { count: selected })}
              </SubmitButton>
              <input type="hidden" name="intent" value="dismiss" />
            </div>
          </div>
        ) : null}
        {panel === "case" && selected ? (
          <div className="flex w-full flex-col gap-3 border-t border-slate-100 pt-3">
            <Field id="case-title" label={t("caseTitle")} hint={t("caseTitleHint")} error={fieldError("title")}>
              <input type="text" name="title" className={inputClasses} maxLength={200} autoComplete="off" />
            </Field>
            <div>
              <SubmitButton pending={pending} pendingLabel={t("opening")}>
                {t("confirmCase", { count: selected })}
              </SubmitButton>
              <input type="hidden" name="intent" value="case" />
            </div>
          </div>
        ) : null}
      </div>
      {children}
    </form>
  );
}
