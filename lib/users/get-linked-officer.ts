// The officer record an account is linked to, with its office name ("My indicators" header).
import "server-only";
import { db } from "@/lib/db";

export type LinkedOfficer = {
  officerId: string;
  fullName: string;
  unit: string;
  grade: string | null;
  officeName: string;
};

export async function getLinkedOfficer(officerId: string): Promise<LinkedOfficer | null> {
  const officer = await db.officer.findUnique({
    where: { officerId },
    include: { office: { select: { name: true } } },
  });
  return officer
    ? {
        officerId: officer.officerId,
        fullName: officer.fullName,
        unit: officer.unit,
        grade: officer.grade,
        officeName: officer.office.name,
      }
    : null;
}
