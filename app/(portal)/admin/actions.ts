"use server";
// Server actions of the admin screen. Each one checks the role itself: an action is a public endpoint, whoever
// rendered the form.
import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/guards";
import {
  CreateUserInput,
  OfficerSearchInput,
  ResetPasswordInput,
  SetUserActiveInput,
  UpdateUserInput,
} from "@/lib/users/schema";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { setUserActive } from "@/lib/users/set-user-active";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { searchOfficers, type OfficerOption } from "@/lib/users/search-officers";
import { formErrorFrom, type FormResult } from "@/lib/users/form-result";

const fields = (formData: FormData) => Object.fromEntries(formData.entries());

async function run(operation: () => Promise<string>): Promise<FormResult> {
  try {
    const message = await operation();
    revalidatePath("/admin", "layout");
    return { status: "success", message };
  } catch (error) {
    return formErrorFrom(error);
  }
}

export async function createUserAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  const admin = await requireRole(["ADMIN"]);
  return run(async () => {
    await createUser(CreateUserInput.parse(fields(formData)), admin.id);
    return "userCreated";
  });
}

export async function updateUserAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  const admin = await requireRole(["ADMIN"]);
  return run(async () => {
    const { changed } = await updateUser(UpdateUserInput.parse(fields(formData)), admin.id);
    return changed.length > 0 ? "userUpdated" : "nothingChanged";
  });
}

export async function setUserActiveAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  const admin = await requireRole(["ADMIN"]);
  return run(async () => {
    const input = SetUserActiveInput.parse(fields(formData));
    await setUserActive(input, admin.id);
    return input.active ? "userActivated" : "userDeactivated";
  });
}

export async function resetPasswordAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  const admin = await requireRole(["ADMIN"]);
  return run(async () => {
    await resetUserPassword(ResetPasswordInput.parse(fields(formData)), admin.id);
    return "passwordReset";
  });
}

export async function searchOfficersAction(query: string): Promise<OfficerOption[]> {
  await requireRole(["ADMIN"]);
  return searchOfficers(OfficerSearchInput.parse(query));
}
