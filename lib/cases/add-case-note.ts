// An investigation note (document review, post-clearance audit, interview…), kept as written: notes are append-only,
// and the audit row carries the text, so the timeline reads as the investigation went.
import "server-only";
import type { z } from "zod";
import { writeAudit } from "@/lib/audit";
import type { CaseActor } from "@/lib/cases/case-rules";
import { AUDIT_ENTITY, withCaseTransition } from "@/lib/cases/case-access";
import { CaseNoteInput } from "@/lib/cases/schema";

export async function addCaseNote(raw: z.input<typeof CaseNoteInput>, actor: CaseActor): Promise<{ id: number }> {
  const input = CaseNoteInput.parse(raw);
  return withCaseTransition(input.caseId, actor, "note", async (tx, c) => {
    const note = await tx.caseNote.create({ data: { caseId: c.id, authorId: actor.id, body: input.body } });
    await writeAudit(
      {
        actorId: actor.id,
        action: "case.note",
        entityType: AUDIT_ENTITY,
        entityId: String(c.id),
        data: { noteId: note.id, body: input.body },
      },
      tx,
    );
    return { id: note.id };
  });
}
