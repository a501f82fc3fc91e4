// Offices a user can be attached to (admin forms).
import "server-only";
import { db } from "@/lib/db";

export type OfficeOption = { officeCode: string; name: string };

export function listOfficeOptions(): Promise<OfficeOption[]> {
  return db.office.findMany({ select: { officeCode: true, name: true }, orderBy: { officeCode: "asc" } });
}
