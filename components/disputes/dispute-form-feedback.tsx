"use client";
// The outcome of a dispute form in the user's language, and the error of one field: keys of "disputes.feedback" and
// "disputes.errors", falling back to "contracts.errors" for refusals of the contract itself.
import { useFormatter, useTranslations } from "next-intl";
import type { ContractFormResult } from "@/lib/contracts/form-result";
import type { MessageValues } from "@/lib/contracts/contract-error";
import { Notice } from "@/components/ui/notice";
import { formatMonth } from "@/components/contracts/kpi-format";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function useErrorText(): (key: string, values: MessageValues) => string {
  const t = useTranslations("disputes.errors");
  const tc = useTranslations("contracts.errors");
  const format = useFormatter();
  return (key, raw) => {
    // The services name the month as "2025-04"; the user reads it in their language.
    const values = typeof raw.month === "string" && MONTH.test(raw.month) ? { ...raw, month: formatMonth(format, raw.month) } : raw;
    return t.has(key) ? t(key, values) : tc.has(key) ? tc(key, values) : t("invalidInput");
  };
}

export function DisputeFormMessage({ result }: { result: ContractFormResult }) {
  const t = useTranslations("disputes.feedback");
  const errorText = useErrorText();
  if (result.status === "idle") return null;
  if (result.status === "success") return <Notice tone="success">{t.has(result.message) ? t(result.message, result.values) : result.message}</Notice>;
  return <Notice tone="error">{errorText(result.message, result.values)}</Notice>;
}

export function useDisputeFieldError(result: ContractFormResult): (field: string) => string | undefined {
  const errorText = useErrorText();
  return (field) => {
    if (result.status !== "error") return undefined;
    const error = result.fieldErrors[field];
    return error ? errorText(error.key, error.values) : undefined;
  };
}
