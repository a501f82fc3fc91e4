"use client";
// Shows the outcome of an admin form action in the user's language.
import { useTranslations } from "next-intl";
import type { FormResult } from "@/lib/users/form-result";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/schema";
import { Notice } from "@/components/ui/notice";

export function FormFeedback({ result }: { result: FormResult }) {
  const t = useTranslations("admin");
  if (result.status === "idle") return null;
  if (result.status === "success") return <Notice tone="success">{t(`feedback.${result.message}`)}</Notice>;
  const key = t.has(`errors.${result.message}`) ? result.message : "invalidInput";
  return <Notice tone="error">{t(`errors.${key}`, { min: PASSWORD_MIN_LENGTH })}</Notice>;
}

// The translated error of one field, or undefined.
export function useFieldError(result: FormResult): (field: string) => string | undefined {
  const t = useTranslations("admin.errors");
  return (field) => {
    if (result.status !== "error") return undefined;
    const key = result.fieldErrors[field];
    if (!key) return undefined;
    // Every error message may use {min} (the password rule); the others ignore it.
    return t.has(key) ? t(key, { min: PASSWORD_MIN_LENGTH }) : t("invalidInput");
  };
}
