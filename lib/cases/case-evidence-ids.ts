// The declaration ids of a case's frozen evidence, each once: what a finding may confirm and an action may name.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";

export async function caseEvidenceDeclIds(
  caseId: number,
  tx: Prisma.TransactionClient | typeof db = db,
): Promise<string[]> {
  const rows = await tx.$queryRaw<{ decl_id: string }[]>`
    SELECT DISTINCT d ->> 'decl_id' AS decl_id
      FROM case_evidence e, jsonb_array_elements(e.snapshot -> 'declarations') d
     WHERE e.case_id = ${caseId}
     ORDER BY 1`;
  return rows.map((r) => r.decl_id);
}

// The declarations the finding confirms: those it names, or every declaration of the evidence when it names none.
export function confirmedDeclarations(evidenceDeclIds: readonly string[], namedDeclIds: readonly string[]): string[] {
  return namedDeclIds.length ? evidenceDeclIds.filter((id) => namedDeclIds.includes(id)) : [...evidenceDeclIds];
}
