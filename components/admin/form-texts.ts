"use client";
// The admin forms' messages: keys of "admin.errors" and "admin.feedback"; any of them may name the password rule.
import { useTranslations } from "next-intl";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/schema";
import { useFormTexts, type FormTexts } from "@/components/forms/form-message";

export function useAdminTexts(): FormTexts {
  const errors = useTranslations("admin.errors");
  const feedback = useTranslations("admin.feedback");
  return useFormTexts([errors], [feedback], { min: PASSWORD_MIN_LENGTH });
}
