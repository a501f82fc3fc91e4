"use client";
// The privacy forms' messages: keys of "privacy.errors" and "privacy.feedback".
import { useTranslations } from "next-intl";
import { useFormTexts, type FormTexts } from "@/components/forms/form-message";

export function usePrivacyTexts(): FormTexts {
  const errors = useTranslations("privacy.errors");
  const feedback = useTranslations("privacy.feedback");
  return useFormTexts([errors], [feedback]);
}
