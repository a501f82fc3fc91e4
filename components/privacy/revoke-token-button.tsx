"use client";
// Revoking one API token: from the next call on it is refused.
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

export function RevokeTokenButton({ action, id, name }: { action: FormAction; id: string; name: string }) {
  const t = useTranslations("privacy.apiTokens.list");
  const { pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton pending={pending} pendingLabel={t("revoking")} variant="danger">
        <span>
          {t("revoke")}
          <span className="sr-only"> {name}</span>
        </span>
      </SubmitButton>
    </form>
  );
}
