"use client";
// The lifecycle buttons of a contract page, only those the server would accept for this user (lifecycle.ts).
// Signing and acknowledging commit someone, so they ask for confirmation; closing and amending ask for the note or
// reason that the history will show.
import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ContractAction } from "@/lib/contracts/lifecycle";
import { Button, buttonClasses } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field, inputClasses } from "@/components/ui/field";

import { type FormAction, useFormAction } from "@/components/forms/use-form-action";
import { useContractTexts } from "@/components/contracts/form-texts";
import { FormMessage, fieldErrorOf } from "@/components/forms/form-message";

type Actions = {
  sign: FormAction;
  acknowledge: FormAction;
  close: FormAction;
  amend: FormAction;
};

export function ConfirmForm({
  contractId,
  action,
  label,
  pendingLabel,
  confirm,
}: {
  contractId: number;
  action: FormAction;
  label: string;
  pendingLabel: string;
  confirm: string;
}) {
  const t = useTranslations("contracts.actions");
  const { result, pending, formProps } = useFormAction(action);
  const texts = useContractTexts();
  const [asking, setAsking] = useState(false);
  return (
    <form {...formProps} className="flex flex-col gap-2">
      <input type="hidden" name="contractId" value={contractId} />
      <FormMessage result={result} texts={texts} />
      {asking ? (
        <div
          className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950"
          role="group"
          aria-label={label}
        >
          <p>{confirm}</p>
          <div className="mt-3 flex gap-2">
            <SubmitButton pending={pending} pendingLabel={pendingLabel}>
              {t("yes")}
            </SubmitButton>
            <Button variant="secondary" onClick={() => setAsking(false)} disabled={pending}>
              {t("no")}
            </Button>
          </div>
        </div>
      ) : (
        <Button onClick={() => setAsking(true)}>{label}</Button>
      )}
    </form>
  );
}

function NoteForm({
  contractId,
  action,
  name,
  label,
  hint,
  summary,
  submit,
  pendingLabel,
  variant,
}: {
  contractId: number;
  action: FormAction;
  name: "note" | "reason";
  label: string;
  hint?: string;
  summary: string;
  submit: string;
  pendingLabel: string;
  variant: "secondary" | "danger";
}) {
  const { result, pending, formProps } = useFormAction(action);
  const texts = useContractTexts();
  const errorFor = fieldErrorOf(result, texts);
  return (
    <details className="group rounded-md border border-slate-200 bg-white">
      <summary className={buttonClasses(variant, "w-full cursor-pointer list-none")}>{summary}</summary>
      <form {...formProps} className="flex flex-col gap-3 p-3">
        <input type="hidden" name="contractId" value={contractId} />
        <FormMessage result={result} texts={texts} />
        <Field id={`contract-${name}`} label={label} hint={hint} error={errorFor(name)}>
          <textarea name={name} rows={3} className={inputClasses} />
        </Field>
        <div>
          <SubmitButton pending={pending} pendingLabel={pendingLabel} variant={variant}>
            {submit}
          </SubmitButton>
        </div>
      </form>
    </details>
  );
}

export function ContractActions({
  contractId,
  actions,
  editHref,
  act,
}: {
  contractId: number;
  actions: ContractAction[];
  editHref: string;
  act: Actions;
}) {
  const t = useTranslations("contracts.actions");
  const has = (a: ContractAction) => actions.includes(a);
  const lifecycle = actions.filter((a) => a !== "review" && a !== "evaluate");
  return (
    <section
      aria-labelledby="actions-title"
      className="rounded-lg border border-brand-100 bg-brand-50/60 p-4 print:hidden"
    >
      <h2 id="actions-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      {lifecycle.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("none")}</p>
      ) : (
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {has("sign") ? (
            <ConfirmForm
              contractId={contractId}
              action={act.sign}
              label={t("sign")}
              pendingLabel={t("signing")}
              confirm={t("signConfirm")}
            />
          ) : null}
          {has("acknowledge") ? (
            <ConfirmForm
              contractId={contractId}
              action={act.acknowledge}
              label={t("acknowledge")}
              pendingLabel={t("acknowledging")}
              confirm={t("acknowledgeConfirm")}
            />
          ) : null}
          {has("edit") ? (
            <Link href={editHref} className={buttonClasses("secondary")}>
              {t("edit")}
            </Link>
          ) : null}
          {has("amend") ? (
            <NoteForm
              contractId={contractId}
              action={act.amend}
              name="reason"
              label={t("amendReason")}
              hint={t("amendHint")}
              summary={t("amend")}
              submit={t("amendConfirm")}
              pendingLabel={t("amending")}
              variant="secondary"
            />
          ) : null}
          {has("close") ? (
            <NoteForm
              contractId={contractId}
              action={act.close}
              name="note"
              label={t("closeNote")}
              summary={t("close")}
              submit={t("closeConfirm")}
              pendingLabel={t("closing")}
              variant="danger"
            />
          ) : null}
        </div>
      )}
    </section>
  );
}
