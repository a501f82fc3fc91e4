"use client";
// The outcome of a contract form in the user's language: success politely, refusals as an alert.
import { useTranslations } from "next-intl";
import type { ContractFormResult } from "@/lib/contracts/form-result";
import { Notice } from "@/components/ui/notice";

export function FormMessage({ result }: { result: ContractFormResult }) {
  const t = useTranslations("contracts");
  if (result.status === "idle") return null;
  if (result.status === "success") {
    return <Notice tone="success">{t.has(`feedback.${result.message}`) ? t(`feedback.${result.message}`, result.values) : result.message}</Notice>;
  }
  const key = t.has(`errors.${result.message}`) ? result.message : "invalidInput";
  return <Notice tone="error">{t(`errors.${key}`, result.values)}</Notice>;
}
