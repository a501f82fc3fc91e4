// The finding of the investigation: confirmed (with its offence code, the evidence declarations it confirms — all of
// them when none is named — and the case's flags it does not uphold, if any), unfounded or inconclusive, with a
// written summary. When the case is closed, its flags' outcomes teach the work queue (method-outcomes.ts).
import "server-only";
import type { z } from "zod";
import { writeAudit } from "@/lib/audit";
import { statusAfter, type CaseActor } from "@/lib/cases/case-rules";
import { CaseError } from "@/lib/cases/case-error";
import { AUDIT_ENTITY, withCaseTransition } from "@/lib/cases/case-access";
import { caseEvidenceDeclIds } from "@/lib/cases/case-evidence-ids";
import { FindingInput } from "@/lib/cases/schema";

export async function recordFinding(raw: z.input<typeof FindingInput>, actor: CaseActor): Promise<void> {
  const input = FindingInput.parse(raw);
  await withCaseTransition(input.caseId, actor, "recordFinding", async (tx, c) => {
    if (input.confirmedDeclIds.length) {
      const evidence = new Set(await caseEvidenceDeclIds(c.id, tx));
      const outside = input.confirmedDeclIds.filter((id) => !evidence.has(id));
      if (outside.length)
        throw new CaseError(
          "INVALID",
          "declarationsOutsideEvidence",
          { declIds: outside.slice(0, 10).join(", ") },
          "confirmedDeclIds",
        );
    }
    if (input.unfoundedFlagIds.length) {
      const inCase = new Set(
        (await tx.caseFlag.findMany({ where: { caseId: c.id }, select: { flagId: true } })).map((f) => f.flagId),
      );
      const outside = input.unfoundedFlagIds.filter((id) => !inCase.has(id));
      if (outside.length)
        throw new CaseError("INVALID", "flagNotInCase", { flagIds: outside.join(", ") }, "unfoundedFlagIds");
    }
    const to = statusAfter("recordFinding", c.status);
    await tx.case.update({
      where: { id: c.id },
      data: {
        status: to,
        finding: input.finding,
        findingSummary: input.summary,
        offenceCode: input.offenceCode,
        confirmedDeclIds: input.confirmedDeclIds,
        unfoundedFlagIds: input.unfoundedFlagIds,
        findingById: actor.id,
        findingAt: new Date(),
      },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "case.finding",
        entityType: AUDIT_ENTITY,
        entityId: String(c.id),
        data: {
          from: c.status,
          to,
          finding: input.finding,
          offenceCode: input.offenceCode,
          summary: input.summary,
          confirmedDeclIds: input.confirmedDeclIds,
          unfoundedFlagIds: input.unfoundedFlagIds,
        },
      },
      tx,
    );
  });
}
