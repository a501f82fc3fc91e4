// Creates a portal account (admin screen). The password is hashed here and never written to the audit log.
import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/kernel/app-error";
import { hashPassword } from "@/lib/auth/password";
import { assertUserReferences } from "@/lib/users/user-references";
import type { CreateUserInput } from "@/lib/users/schema";

export async function createUser(input: CreateUserInput, actorId: string): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "emailTaken");
    }
    await assertUserReferences(tx, input);
    const { password: _password, ...profile } = input;
    const user = await tx.user.create({ data: { ...profile, passwordHash }, select: { id: true } });
    await writeAudit({ actorId, action: "user.create", entityType: "user", entityId: user.id, data: profile }, tx);
    return user;
  });
}
