"use client";
// The "Retry" button of a failed import: queues it again at once (app/(portal)/data/imports/[id]/actions.ts).
import { useTranslations } from "next-intl";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { FormMessage, useFormTexts } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function RetryImportButton({ batchId, action }: { batchId: number; action: FormAction }) {
  const t = useTranslations("data.retry");
  const errors = useTranslations("data.errors");
  const feedback = useTranslations("data.feedback");
  const texts = useFormTexts([errors], [feedback]);
  const { result, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="batchId" value={batchId} />
      <SubmitButton pending={pending} pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
      <FormMessage result={result} texts={texts} />
    </form>
  );
}
