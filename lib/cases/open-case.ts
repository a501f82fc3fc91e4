// Triage of flags into a case: a new case, or an existing open one (caseId). Each flag's evidence is frozen as a
// snapshot with the sha256 of its canonical JSON (evidence-snapshot.ts), the flags go to IN_CASE, and the case and
// each flag get their audit row, all in one transaction. The inbox's "Open a case" bulk action calls this.
import "server-only";
import type { z } from "zod";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { writeAudit } from "@/lib/audit";
import { allFlagEvidenceDeclarations, flagEvidence, flagVisibilityWhere } from "@/lib/integrity/flag-evidence";
import { canSeeCase, joinRefusal, refusalFor, type CaseActor } from "@/lib/cases/case-rules";
import { CaseError, throwIfCaseRefused } from "@/lib/cases/case-error";
import { AUDIT_ENTITY, caseFacts, getCaseForActorOrThrow, requireCaseRole } from "@/lib/cases/case-access";
import { OpenCaseInput } from "@/lib/cases/schema";
import {
  buildSnapshot,
  snapshotHash,
  subjectOfficersOf,
  type EvidenceSnapshot,
  type GoodsLine,
} from "@/lib/cases/evidence-snapshot";

// The most evidence rows one flag's snapshot keeps (a broker's Benford test can span thousands of declarations).
export const SNAPSHOT_CAP = 5000;

type Frozen = { flagId: number; snapshot: EvidenceSnapshot; sha256: string; subjectOfficerIds: string[] };

// The goods line of each declaration: the flagged item for a unit-value row, else the item of highest customs value.
async function goodsLines(declarations: Record<string, unknown>[]): Promise<Record<string, GoodsLine>> {
  const ids = [...new Set(declarations.map((d) => String(d.decl_id)))];
  if (!ids.length) return {};
  const flagged = Object.fromEntries(
    declarations.filter((d) => d.item_no != null).map((d) => [String(d.decl_id), Number(d.item_no)]),
  );
  const { rows } = await pool.query<{ decl_id: string; item_no: number; hs_code: string; origin_country: string }>(
    `SELECT DISTINCT ON (i.decl_id) i.decl_id, i.item_no, i.hs_code, i.origin_country
       FROM items i
      WHERE i.decl_id = ANY ($1::text[])
      ORDER BY i.decl_id, (i.item_no::text = ($2::jsonb ->> i.decl_id)) IS TRUE DESC, i.cif_value DESC NULLS LAST, i.item_no`,
    [ids, JSON.stringify(flagged)],
  );
  return Object.fromEntries(
    rows.map((r) => [r.decl_id, { itemNo: r.item_no, hsCode: r.hs_code, originCountry: r.origin_country }]),
  );
}

// Read before the transaction (evidence queries can take a while); getFlagForViewerOrThrow inside flagEvidence
// refuses a flag outside the actor's scope with NOT_FOUND.
async function freeze(flagId: number, actor: CaseActor): Promise<Frozen> {
  const { flag, total } = await flagEvidence(flagId, actor, { pageSize: 1 });
  const declarations = await allFlagEvidenceDeclarations(flagId, actor, SNAPSHOT_CAP);
  const snapshot = buildSnapshot(
    flag,
    declarations,
    await goodsLines(declarations),
    Math.max(total, declarations.length),
  );
  return {
    flagId,
    snapshot,
    sha256: snapshotHash(snapshot),
    subjectOfficerIds: subjectOfficersOf(flag, snapshot.declarations),
  };
}

function defaultTitle(flag: EvidenceSnapshot["flag"]): string {
  const what = [flag.method, flag.kpiId].filter(Boolean).join(" ");
  const who = [flag.subjectId, flag.relatedId].filter(Boolean).join(" / ");
  return `${what} · ${who} · ${flag.periodFrom} – ${flag.periodTo}`;
}

// The office of a new case: its flags' one office, or null when `spanOffices` lets it take flags of several.
export function newCaseOffice(flags: readonly { officeCode: string | null }[]): string | null {
  const offices = new Set(flags.map((f) => f.officeCode));
  return offices.size === 1 ? flags[0]!.officeCode : null;
}

export async function openCase(
  raw: z.input<typeof OpenCaseInput>,
  actor: CaseActor,
  options: { spanOffices?: boolean } = {},
): Promise<{ caseId: number }> {
  requireCaseRole(actor);
  const input = OpenCaseInput.parse(raw);
  const frozen: Frozen[] = [];
  for (const flagId of input.flagIds) frozen.push(await freeze(flagId, actor));
  const subjects = [...new Set(frozen.flatMap((f) => f.subjectOfficerIds))].sort();

  try {
    return await db.$transaction(
      async (tx) => {
        // Row locks on the flags, in id order: two analysts triaging the same flag run one after the other.
        await tx.$queryRaw`SELECT id FROM flags WHERE id = ANY (${input.flagIds}::int[]) ORDER BY id FOR UPDATE`;
        const flags = await tx.flag.findMany({
          where: { AND: [{ id: { in: input.flagIds } }, flagVisibilityWhere(actor)] },
          select: { id: true, state: true, officeCode: true },
        });
        if (flags.length !== input.flagIds.length) throw new CaseError("NOT_FOUND", "flagNotFound");

        let caseId: number;
        if (input.caseId !== undefined) {
          const target = await getCaseForActorOrThrow(input.caseId, actor, { tx, lock: true });
          throwIfCaseRefused(refusalFor("addFlags", caseFacts(target), actor));
          throwIfCaseRefused(joinRefusal(flags, target.officeCode));
          const subjectOfficerIds = [...new Set([...target.subjectOfficerIds, ...subjects])].sort();
          if (!canSeeCase({ officeCode: target.officeCode, subjectOfficerIds }, actor))
            throw new CaseError("FORBIDDEN", "ownCase");
          await tx.case.update({ where: { id: target.id }, data: { subjectOfficerIds } });
          caseId = target.id;
        } else {
          throwIfCaseRefused(joinRefusal(flags, undefined, options.spanOffices === true));
          const officeCode = newCaseOffice(flags);
          if (!canSeeCase({ officeCode, subjectOfficerIds: subjects }, actor))
            throw new CaseError("FORBIDDEN", "ownCase");
          const created = await tx.case.create({
            data: {
              title: input.title ?? defaultTitle(frozen[0]!.snapshot.flag),
              officeCode,
              subjectOfficerIds: subjects,
              openedById: actor.id,
            },
          });
          caseId = created.id;
        }

        const now = new Date();
        await tx.caseFlag.createMany({
          data: input.flagIds.map((flagId) => ({ flagId, caseId, addedById: actor.id, addedAt: now })),
        });
        // Raw SQL with the JSON as text, so PostgreSQL parses every number exactly: Prisma's Json path rounds some
        // floats (a score of 28.152126199314576 came back 28.15212619931458), which would break the hash. The hash
        // is then checked against what was stored, as the case page checks it on every read.
        for (const f of frozen) {
          const [stored] = await tx.$queryRaw<{ snapshot: string }[]>`
            INSERT INTO case_evidence (case_id, flag_id, snapshot, sha256, declaration_count, truncated, captured_by_id, captured_at)
            VALUES (${caseId}, ${f.flagId}, ${JSON.stringify(f.snapshot)}::jsonb, ${f.sha256}, ${f.snapshot.declarations.length},
                    ${f.snapshot.total > f.snapshot.declarations.length}, ${actor.id}, ${now})
            RETURNING snapshot::text AS snapshot`;
          if (snapshotHash(JSON.parse(stored!.snapshot)) !== f.sha256)
            throw new Error(`Evidence of flag ${f.flagId} changed when stored`);
        }
        const moved = await tx.flag.updateMany({
          where: { id: { in: input.flagIds }, state: "NEW" },
          data: { state: "IN_CASE", triagedById: actor.id, triagedAt: now },
        });
        if (moved.count !== input.flagIds.length) throw new CaseError("CONFLICT", "flagAlreadyTriaged");

        const evidence = frozen.map((f) => ({
          flagId: f.flagId,
          sha256: f.sha256,
          declarations: f.snapshot.declarations.length,
          total: f.snapshot.total,
        }));
        await writeAudit(
          {
            actorId: actor.id,
            action: input.caseId !== undefined ? "case.add-flags" : "case.open",
            entityType: AUDIT_ENTITY,
            entityId: String(caseId),
            data: {
              flagIds: input.flagIds,
              evidence,
              subjectOfficerIds: subjects,
              ...(input.caseId === undefined ? { to: "OPEN" } : {}),
            },
          },
          tx,
        );
        for (const f of frozen) {
          await writeAudit(
            {
              actorId: actor.id,
              action: "flag.case",
              entityType: "flag",
              entityId: String(f.flagId),
              data: { from: "NEW", to: "IN_CASE", caseId, sha256: f.sha256 },
            },
            tx,
          );
        }
        return { caseId };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // The flag joined another case at the same moment: case_flags' primary key keeps one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new CaseError("CONFLICT", "flagAlreadyTriaged");
    throw error;
  }
}
