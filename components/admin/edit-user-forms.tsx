"use client";
// The three forms of a user's admin page: profile and access, account status, password reset.
import { useTranslations } from "next-intl";
import type { Role } from "@prisma/client";
import type { OfficeOption } from "@/lib/users/list-office-options";
import type { OfficerOption } from "@/lib/users/search-officers";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/schema";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { AccessFields } from "@/components/admin/access-fields";
import type { PickedOfficer } from "@/components/admin/officer-picker";

import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { useAdminTexts } from "@/components/admin/form-texts";
import { FormMessage, fieldErrorOf } from "@/components/forms/form-message";

export type EditableUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  officeCode: string | null;
  officer: PickedOfficer | null;
  active: boolean;
  integrityAccess: boolean;
};

export function EditAccessForm({
  user,
  action,
  offices,
  searchOfficers,
}: {
  user: EditableUser;
  action: FormAction;
  offices: OfficeOption[];
  searchOfficers: (query: string) => Promise<OfficerOption[]>;
}) {
  const t = useTranslations("admin");
  const { result, pending, formProps } = useFormAction(action, { resetOnSuccess: false, refreshOnSuccess: false });
  const texts = useAdminTexts();
  const errorFor = fieldErrorOf(result, texts);
  return (
    <form {...formProps} className="flex flex-col gap-5">
      <FormMessage result={result} texts={texts} />
      <input type="hidden" name="userId" value={user.id} />
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <Field id="edit-name" label={t("fields.name")} error={errorFor("name")}>
          <input name="name" type="text" defaultValue={user.name} required className={inputClasses} />
        </Field>
        <div className="hidden sm:block" />
        <AccessFields
          idPrefix="edit"
          offices={offices}
          searchOfficers={searchOfficers}
          defaults={{ role: user.role, officeCode: user.officeCode, officer: user.officer, email: user.email }}
          errorFor={errorFor}
        />
        <label className="flex items-start gap-2 text-sm text-slate-800 sm:col-span-2">
          <input
            type="checkbox"
            name="integrityAccess"
            defaultChecked={user.integrityAccess}
            className="mt-0.5 h-4 w-4 rounded border-slate-300"
          />
          <span>
            <span className="font-medium">{t("fields.integrityAccess")}</span>
            <span className="block text-xs text-slate-600">{t("fields.integrityAccessHint")}</span>
          </span>
        </label>
      </div>
      <div>
        <SubmitButton pending={pending} pendingLabel={t("actions.saving")}>
          {t("actions.save")}
        </SubmitButton>
      </div>
    </form>
  );
}

export function AccountStatusForm({
  user,
  action,
  isSelf,
}: {
  user: EditableUser;
  action: FormAction;
  isSelf: boolean;
}) {
  const t = useTranslations("admin");
  const { result, pending, formProps } = useFormAction(action, { resetOnSuccess: false, refreshOnSuccess: false });
  const texts = useAdminTexts();
  return (
    <form {...formProps} className="flex flex-col gap-4">
      <FormMessage result={result} texts={texts} />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="active" value={user.active ? "false" : "true"} />
      <p className="text-sm text-slate-700">
        {user.active ? t("status.activeExplained") : t("status.inactiveExplained")}
      </p>
      {isSelf && user.active ? (
        <p className="text-sm text-slate-600">{t("status.selfNote")}</p>
      ) : (
        <div>
          <SubmitButton
            pending={pending}
            variant={user.active ? "danger" : "primary"}
            pendingLabel={t("actions.saving")}
          >
            {user.active ? t("actions.deactivate") : t("actions.activate")}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}

// One button that acts on the user (end sessions, clear failed sign-ins), with its explanation and outcome.
export function UserActionForm({
  userId,
  action,
  explanation,
  label,
}: {
  userId: string;
  action: FormAction;
  explanation: string;
  label: string;
}) {
  const t = useTranslations("admin");
  const { result, pending, formProps } = useFormAction(action, { resetOnSuccess: false, refreshOnSuccess: true });
  const texts = useAdminTexts();
  return (
    <form {...formProps} className="flex flex-col gap-3">
      <FormMessage result={result} texts={texts} />
      <input type="hidden" name="userId" value={userId} />
      <p className="text-sm text-slate-700">{explanation}</p>
      <div>
        <SubmitButton pending={pending} variant="secondary" pendingLabel={t("actions.saving")}>
          {label}
        </SubmitButton>
      </div>
    </form>
  );
}

export function ResetPasswordForm({ userId, action }: { userId: string; action: FormAction }) {
  const t = useTranslations("admin");
  const { result, pending, formProps } = useFormAction(action, { resetOnSuccess: true, refreshOnSuccess: false });
  const texts = useAdminTexts();
  const errorFor = fieldErrorOf(result, texts);
  return (
    <form {...formProps} className="flex flex-col gap-4">
      <FormMessage result={result} texts={texts} />
      <input type="hidden" name="userId" value={userId} />
      <Field
        id="reset-password"
        label={t("fields.newPassword")}
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
      <div>
        <SubmitButton pending={pending} variant="secondary" pendingLabel={t("actions.saving")}>
          {t("actions.resetPassword")}
        </SubmitButton>
      </div>
    </form>
  );
}
