// Users for the admin screen and GET /api/admin/users, with their office and officer names.
import "server-only";
import type { Role } from "@prisma/client";
import { db } from "@/lib/db";

export type UserListRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  officeCode: string | null;
  officeName: string | null;
  officerId: string | null;
  officerName: string | null;
  active: boolean;
  createdAt: string;
};

export async function listUsers(): Promise<UserListRow[]> {
  const users = await db.user.findMany({
    orderBy: [{ active: "desc" }, { email: "asc" }],
    include: { office: { select: { name: true } }, officer: { select: { fullName: true } } },
  });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    officeCode: user.officeCode,
    officeName: user.office?.name ?? null,
    officerId: user.officerId,
    officerName: user.officer?.fullName ?? null,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  }));
}
