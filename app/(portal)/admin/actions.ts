"use server";
// Server actions of the admin screen. Each one checks the role itself: an action is a public endpoint, whoever
// rendered the form.
import { requireRole } from "@/lib/auth/guards";
import {
  CreateUserInput,
  OfficerSearchInput,
  ResetPasswordInput,
  SetUserActiveInput,
  UpdateUserInput,
  UserIdInput,
} from "@/lib/users/schema";
import { endSessionsByAdmin } from "@/lib/users/end-sessions-by-admin";
import { clearSignInFailures } from "@/lib/users/clear-sign-in-failures";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { setUserActive } from "@/lib/users/set-user-active";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { searchOfficers, type OfficerOption } from "@/lib/users/search-officers";
import { formFields, runFormAction } from "@/lib/kernel/form-action";
import { success, type FormResult } from "@/lib/kernel/form-result";

const ADMIN_ONLY = { roles: ["ADMIN"] } as const;

export async function createUserAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    ADMIN_ONLY,
    async (admin) => {
      await createUser(CreateUserInput.parse(formFields(formData)), admin.id);
      return success("userCreated");
    },
    ["/admin"],
  );
}

export async function updateUserAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    ADMIN_ONLY,
    async (admin) => {
      const { changed } = await updateUser(UpdateUserInput.parse(formFields(formData)), admin.id);
      return success(changed.length > 0 ? "userUpdated" : "nothingChanged");
    },
    ["/admin"],
  );
}

export async function setUserActiveAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    ADMIN_ONLY,
    async (admin) => {
      const input = SetUserActiveInput.parse(formFields(formData));
      await setUserActive(input, admin.id);
      return success(input.active ? "userActivated" : "userDeactivated");
    },
    ["/admin"],
  );
}

export async function resetPasswordAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    ADMIN_ONLY,
    async (admin) => {
      await resetUserPassword(ResetPasswordInput.parse(formFields(formData)), admin.id);
      return success("passwordReset");
    },
    ["/admin"],
  );
}

export async function endSessionsAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    ADMIN_ONLY,
    async (admin) => {
      await endSessionsByAdmin(UserIdInput.parse(formFields(formData)).userId, admin.id);
      return success("sessionsEnded");
    },
    ["/admin"],
  );
}

export async function clearSignInFailuresAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    ADMIN_ONLY,
    async (admin) => {
      await clearSignInFailures(UserIdInput.parse(formFields(formData)).userId, admin.id);
      return success("failuresCleared");
    },
    ["/admin"],
  );
}

export async function searchOfficersAction(query: string): Promise<OfficerOption[]> {
  await requireRole(["ADMIN"]);
  return searchOfficers(OfficerSearchInput.parse(query));
}
