"use client";
// "New user" form of the admin screen. On success the form is cleared for the next account.
import { useTranslations } from "next-intl";
import type { OfficeOption } from "@/lib/users/list-office-options";
import type { OfficerOption } from "@/lib/users/search-officers";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/schema";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { AccessFields } from "@/components/admin/access-fields";

import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { useAdminTexts } from "@/components/admin/form-texts";
import { FormMessage, fieldErrorOf } from "@/components/forms/form-message";

export function CreateUserForm({
  action,
  offices,
  searchOfficers,
}: {
  action: FormAction;
  offices: OfficeOption[];
  searchOfficers: (query: string) => Promise<OfficerOption[]>;
}) {
  const t = useTranslations("admin");
  const { result, pending, round, formProps } = useFormAction(action, {
    resetOnSuccess: true,
    refreshOnSuccess: false,
  });
  const texts = useAdminTexts();
  const errorFor = fieldErrorOf(result, texts);

  return (
    <form {...formProps} className="flex flex-col gap-5">
      <FormMessage result={result} texts={texts} />
      <div key={round} className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <Field id="new-email" label={t("fields.email")} error={errorFor("email")}>
          <input name="email" type="email" autoComplete="off" required className={inputClasses} />
        </Field>
        <Field id="new-name" label={t("fields.name")} error={errorFor("name")}>
          <input name="name" type="text" autoComplete="off" required className={inputClasses} />
        </Field>
        <Field
          id="new-password"
          label={t("fields.initialPassword")}
          hint={t("fields.passwordHint", { min: PASSWORD_MIN_LENGTH })}
          error={errorFor("password")}
        >
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN_LENGTH}
            required
            className={inputClasses}
          />
        </Field>
        <div className="hidden sm:block" />
        <AccessFields idPrefix="new" offices={offices} searchOfficers={searchOfficers} errorFor={errorFor} />
      </div>
      <div>
        <SubmitButton pending={pending} pendingLabel={t("actions.creating")}>
          {t("actions.create")}
        </SubmitButton>
      </div>
    </form>
  );
}
