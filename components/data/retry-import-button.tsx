"use client";
// The "Retry" button of a failed import: queues it again at once (app/(portal)/data/imports/[id]/actions.ts). It stays
// mounted while the page refreshes to the queued import, so that its confirmation stays on screen.
import { useTranslations } from "next-intl";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { FormMessage, useFormTexts } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function RetryImportButton({
  batchId,
  action,
  canRetry,
  help,
}: {
  batchId: number;
  action: FormAction;
  canRetry: boolean;
  help: string;
}) {
  const t = useTranslations("data.retry");
  const errors = useTranslations("data.errors");
  const feedback = useTranslations("data.feedback");
  const texts = useFormTexts([errors], [feedback]);
  const { result, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  if (!canRetry && result.status === "idle") return null;
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="batchId" value={batchId} />
      {canRetry ? (
        <>
          <p className="text-sm text-slate-600">{help}</p>
          <SubmitButton pending={pending} pendingLabel={t("pending")}>
            {t("submit")}
          </SubmitButton>
        </>
      ) : null}
      <FormMessage result={result} texts={texts} />
    </form>
  );
}
