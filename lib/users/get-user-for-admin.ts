// One account as the admin edit page needs it, or a 404.
import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";

export async function getUserForAdminOrNotFound(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { officer: { select: { officerId: true, fullName: true, officeCode: true } } },
  });
  if (!user) notFound();
  return user;
}
