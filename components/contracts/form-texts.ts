"use client";
// The contract forms' messages: keys of "contracts.errors" and "contracts.feedback".
import { useTranslations } from "next-intl";
import { useFormTexts, type FormTexts } from "@/components/forms/form-message";

export function useContractTexts(): FormTexts {
  const errors = useTranslations("contracts.errors");
  const feedback = useTranslations("contracts.feedback");
  return useFormTexts([errors], [feedback]);
}
