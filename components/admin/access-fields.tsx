"use client";
// Role, office and officer link: the fields that decide what an account may see, shared by the create and edit forms.
import { useTranslations } from "next-intl";
import type { Role } from "@prisma/client";
import { ROLES } from "@/lib/auth/session-user";
import type { OfficeOption } from "@/lib/users/list-office-options";
import type { OfficerOption } from "@/lib/users/search-officers";
import { Field, inputClasses } from "@/components/ui/field";
import { OfficerPicker, type PickedOfficer } from "@/components/admin/officer-picker";

export function AccessFields({
  idPrefix,
  offices,
  searchOfficers,
  defaults,
  errorFor,
}: {
  idPrefix: string;
  offices: OfficeOption[];
  searchOfficers: (query: string) => Promise<OfficerOption[]>;
  defaults?: { role: Role; officeCode: string | null; officer: PickedOfficer | null; email: string };
  errorFor: (field: string) => string | undefined;
}) {
  const t = useTranslations("admin.fields");
  const tRoles = useTranslations("common.roles");
  return (
    <>
      <Field id={`${idPrefix}-role`} label={t("role")} hint={t("roleHint")} error={errorFor("role")}>
        <select name="role" defaultValue={defaults?.role ?? "OFFICER"} className={inputClasses}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {tRoles(role)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${idPrefix}-office`} label={t("office")} hint={t("officeHint")} error={errorFor("officeCode")}>
        <select name="officeCode" defaultValue={defaults?.officeCode ?? ""} className={inputClasses}>
          <option value="">{t("allOffices")}</option>
          {offices.map((office) => (
            <option key={office.officeCode} value={office.officeCode}>
              {office.officeCode} · {office.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="sm:col-span-2">
        <OfficerPicker
          name="officerId"
          initial={defaults?.officer ?? null}
          search={searchOfficers}
          error={errorFor("officerId")}
          ownerEmail={defaults?.email}
        />
      </div>
    </>
  );
}
