"use client";
// Runs a contract server action from a form: keeps what was typed when the server refuses it, shows the outcome,
// empties the form after a success, and follows the action's redirect or refreshes the page so the new status shows everywhere.
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { IDLE, type ContractFormResult } from "@/lib/contracts/form-result";

export type ContractFormAction = (previous: ContractFormResult, formData: FormData) => Promise<ContractFormResult>;

export function useContractForm(action: ContractFormAction) {
  const [result, dispatch, pending] = useActionState(action, IDLE);
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (result.status !== "success") return;
    // Emptied after a success, so what stays on screen is never mistaken for something still to send.
    formRef.current?.reset();
    if (result.redirectTo) router.push(result.redirectTo);
    else router.refresh();
  }, [result, router]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }

  return { result, pending, formProps: { ref: formRef, onSubmit, noValidate: true } };
}

// The translated error of one field (by its path), or undefined.
export function useFieldError(result: ContractFormResult): (field: string) => string | undefined {
  const t = useTranslations("contracts.errors");
  return (field) => {
    if (result.status !== "error") return undefined;
    const error = result.fieldErrors[field];
    if (!error) return undefined;
    return t.has(error.key) ? t(error.key, error.values) : t("invalidInput");
  };
}
