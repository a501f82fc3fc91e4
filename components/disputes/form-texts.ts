"use client";
// The dispute forms' messages: "disputes", falling back to "contracts.errors" for refusals of the contract itself.
import { useTranslations } from "next-intl";
import { useFormTexts, type FormTexts } from "@/components/forms/form-message";

export function useDisputeTexts(): FormTexts {
  const errors = useTranslations("disputes.errors");
  const contractErrors = useTranslations("contracts.errors");
  const feedback = useTranslations("disputes.feedback");
  return useFormTexts([errors, contractErrors], [feedback]);
}
