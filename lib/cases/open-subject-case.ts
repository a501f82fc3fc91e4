// Opens one case on everything that stands behind one subject of the work queue: all of its flags the actor may see
// that are still to triage, in the window the queue was read over. The flags join the case as openCase takes them
// (evidence frozen, audited); a subject whose flags span offices (a broker working at several) makes a case with no
// office, which only national users see and which openCase refuses to anyone else.
import "server-only";
import { z } from "zod";
import { triageQueue } from "@/lib/integrity/triage-queue";
import { openCase } from "@/lib/cases/open-case";
import { CaseError } from "@/lib/cases/case-error";
import { requireCaseRole } from "@/lib/cases/case-access";
import type { CaseActor } from "@/lib/cases/case-rules";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const OpenSubjectCaseInput = z.object({
  subjectType: z.string().trim().min(1).max(40),
  subjectId: z.string().trim().min(1).max(80),
  from: z.string().regex(DAY),
  to: z.string().regex(DAY),
  title: z.string().optional(),
});

export async function openSubjectCase(
  raw: z.input<typeof OpenSubjectCaseInput>,
  actor: CaseActor,
): Promise<{ caseId: number; flags: number }> {
  requireCaseRole(actor);
  const input = OpenSubjectCaseInput.parse(raw);
  const queue = await triageQueue({ ...actor, integrityAccess: actor.integrityAccess ?? false }, input);
  const row = queue.rows.find((r) => r.subjectType === input.subjectType && r.subjectId === input.subjectId);
  if (!row) throw new CaseError("NOT_FOUND", "subjectNotFound");
  const title = input.title?.trim() || `${input.subjectType} ${input.subjectId} · ${input.from} – ${input.to}`;
  const { caseId } = await openCase({ flagIds: row.flagIds, title }, actor, { spanOffices: true });
  return { caseId, flags: row.flagIds.length };
}
