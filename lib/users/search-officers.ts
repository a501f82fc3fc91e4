// Officer records matching a search, for linking an account to an officer (admin screen).
import "server-only";
import { db } from "@/lib/db";

export type OfficerOption = {
  officerId: string;
  fullName: string;
  officeCode: string;
  unit: string;
  // The account already linked to this officer, if any (an officer belongs to one account at most).
  linkedUserEmail: string | null;
};

const MAX_RESULTS = 20;

export async function searchOfficers(query: string): Promise<OfficerOption[]> {
  const text = query.trim();
  const officers = await db.officer.findMany({
    where: text
      ? {
          OR: [
            { officerId: { contains: text, mode: "insensitive" } },
            { fullName: { contains: text, mode: "insensitive" } },
          ],
        }
      : undefined,
    include: { user: { select: { email: true } } },
    orderBy: { officerId: "asc" },
    take: MAX_RESULTS,
  });
  return officers.map((officer) => ({
    officerId: officer.officerId,
    fullName: officer.fullName,
    officeCode: officer.officeCode,
    unit: officer.unit,
    linkedUserEmail: officer.user?.email ?? null,
  }));
}
