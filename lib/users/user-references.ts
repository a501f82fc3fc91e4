// Checks shared by create-user and update-user: the office and officer a user points to must exist, and an officer
// record belongs to at most one account (its KPIs are that person's).
import "server-only";
import type { Prisma } from "@prisma/client";
import { AppError } from "@/lib/kernel/app-error";

type Reader = Pick<Prisma.TransactionClient, "office" | "officer" | "user">;

export async function assertUserReferences(
  tx: Reader,
  refs: { officeCode: string | null; officerId: string | null },
  exceptUserId?: string,
): Promise<void> {
  if (refs.officeCode !== null) {
    const office = await tx.office.findUnique({ where: { officeCode: refs.officeCode }, select: { officeCode: true } });
    if (!office) throw new AppError("INVALID", "unknownOffice");
  }
  if (refs.officerId !== null) {
    const officer = await tx.officer.findUnique({
      where: { officerId: refs.officerId },
      select: { user: { select: { id: true } } },
    });
    if (!officer) throw new AppError("INVALID", "unknownOfficer");
    if (officer.user && officer.user.id !== exceptUserId) throw new AppError("CONFLICT", "officerAlreadyLinked");
  }
}
