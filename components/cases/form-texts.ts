"use client";
// The case forms' messages: "cases", falling back to "contracts.errors" for the refusals both share.
import { useTranslations } from "next-intl";
import { useFormTexts, type FormTexts } from "@/components/forms/form-message";

export function useCaseTexts(): FormTexts {
  const errors = useTranslations("cases.errors");
  const contractErrors = useTranslations("contracts.errors");
  const feedback = useTranslations("cases.feedback");
  return useFormTexts([errors, contractErrors], [feedback]);
}
