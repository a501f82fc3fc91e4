// "Apply a template to a unit": one draft per officer of the unit, same template, title and period, in one
// transaction. An officer already bound on one of the template's KPIs over the period is skipped and named, so the
// manager sees exactly who got a draft and who did not, and why.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { ContractInput, UnitTemplateInput } from "@/lib/contracts/schema";
import { contractTemplate } from "@/lib/contracts/templates";
import type { Actor } from "@/lib/auth/session-user";
import { requireManagingRole } from "@/lib/contracts/access";
import { ContractError } from "@/lib/contracts/contract-error";
import type { MessageValues } from "@/lib/kernel/domain-error";
import { assertNoOverlap, checkParty, nextContractNo, resolvePrincipal } from "@/lib/contracts/check-contract-terms";
import { AUDIT_ENTITY, indicatorRows, termsData, termsSummary } from "@/lib/contracts/contract-data";

export type UnitContractsOutcome = {
  created: { id: number; contractNo: number; officerId: string; fullName: string }[];
  skipped: { officerId: string; fullName: string; reason: string; values: MessageValues }[];
};

export async function createUnitContracts(
  raw: z.input<typeof UnitTemplateInput>,
  actor: Actor,
): Promise<UnitContractsOutcome> {
  requireManagingRole(actor);
  const input = UnitTemplateInput.parse(raw);
  const template = contractTemplate(input.templateKey);
  if (!template) throw new ContractError("INVALID", "unknownTemplate", {}, "templateKey");

  return db.$transaction(async (tx) => {
    const unit = {
      partyType: "UNIT" as const,
      officeCode: input.officeCode,
      partyUnit: input.unit,
      partyOfficerId: null,
    };
    await checkParty(tx, actor, unit);
    // An invalid principal is the form's error, not something to skip officer by officer.
    await resolvePrincipal(tx, actor, input.principalId, unit);
    const officers = await tx.officer.findMany({
      where: { officeCode: input.officeCode, unit: input.unit },
      orderBy: { officerId: "asc" },
    });
    const outcome: UnitContractsOutcome = { created: [], skipped: [] };
    for (const officer of officers) {
      const terms = ContractInput.parse({
        title: input.title,
        partyType: "OFFICER",
        partyOfficerId: officer.officerId,
        officeCode: input.officeCode,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        templateKey: template.key,
        principalId: input.principalId,
        indicators: input.indicators ?? template.indicators,
      });
      try {
        const principalId = await resolvePrincipal(tx, actor, terms.principalId, terms);
        await assertNoOverlap(
          tx,
          terms,
          { from: terms.periodFrom, to: terms.periodTo },
          terms.indicators.map((i) => i.kpiId),
          null,
        );
        const contractNo = await nextContractNo(tx);
        const contract = await tx.contract.create({
          data: {
            ...termsData(terms),
            contractNo,
            version: 1,
            principalId,
            createdById: actor.id,
            indicators: { create: indicatorRows(terms.indicators) },
          },
          include: { indicators: true },
        });
        await writeAudit(
          {
            actorId: actor.id,
            action: "contract.create",
            entityType: AUDIT_ENTITY,
            entityId: String(contract.id),
            data: { ...termsSummary(contract), appliedToUnit: `${input.officeCode}/${input.unit}` },
          },
          tx,
        );
        outcome.created.push({ id: contract.id, contractNo, officerId: officer.officerId, fullName: officer.fullName });
      } catch (error) {
        // Per-officer refusals (already bound, is the principal) skip that officer; anything else aborts all.
        if (!(error instanceof ContractError) || error.code === "FORBIDDEN") throw error;
        outcome.skipped.push({
          officerId: officer.officerId,
          fullName: officer.fullName,
          reason: error.message,
          values: error.values,
        });
      }
    }
    return outcome;
  });
}
