// Inputs of the user-administration actions, parsed at the boundary (docs/conventions.md). Error messages are message
// keys
// of the "admin.errors" namespace, so the form shows them in the user's language.
import { z } from "zod";
import { ROLES } from "@/lib/auth/session-user";

export const PASSWORD_MIN_LENGTH = 10;

// Form fields arrive as strings; an empty select or input means "none".
const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const Email = z.string().trim().toLowerCase().pipe(z.email("invalidEmail").max(320, "invalidEmail"));
const Name = z.string().trim().min(1, "nameRequired").max(120, "nameTooLong");
const Role = z.enum(ROLES, "invalidRole");
const Password = z.string().min(PASSWORD_MIN_LENGTH, "passwordTooShort").max(200, "passwordTooLong");
const OfficeCode = z.preprocess(blankToNull, z.string().trim().max(32, "unknownOffice").nullable());
const OfficerId = z.preprocess(blankToNull, z.string().trim().max(64, "unknownOfficer").nullable());
const UserId = z.string().min(1, "unknownUser").max(64, "unknownUser");

export const CreateUserInput = z.object({
  email: Email,
  name: Name,
  role: Role,
  password: Password,
  officeCode: OfficeCode,
  officerId: OfficerId,
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  userId: UserId,
  name: Name,
  role: Role,
  officeCode: OfficeCode,
  officerId: OfficerId,
  // A checkbox: "on" when ticked, absent otherwise; only a manager keeps it (updateUser).
  integrityAccess: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const SetUserActiveInput = z.object({
  userId: UserId,
  active: z.stringbool("invalidInput").or(z.boolean()),
});
export type SetUserActiveInput = z.infer<typeof SetUserActiveInput>;

export const UserIdInput = z.object({ userId: UserId });

export const ResetPasswordInput = z.object({ userId: UserId, password: Password });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const OfficerSearchInput = z.string().trim().max(100);
