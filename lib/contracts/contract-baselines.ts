// What the contract and template forms show beside each indicator before signing: the reference period
// (calibration.ts), the party's own KPI values over it, the group's distribution (lib/kpis/baselines.ts) and the
// terms the calibration rule proposes from it. The values are the stored KPI cells (loadKpiCells), the very cells
// an evaluation of the same period reads, so the score the form previews with buildScorecard is the score an
// evaluation of those terms over that period would store.
//   For the rates that have an observed/expected (an officer's contract, a template applied to a unit's officers),
// the same is given over the group's O/E ratios, from the standardisation the officer's page shows
// (load-observed-expected.ts), so that the form can calibrate and preview an indicator scored on O/E.
//   An officer's contract is set against the officers of their office; a template applied to a unit, against the
//   officers of that unit (one calibration per unit); a unit's contract against every unit, an office's against
//   every office.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import type { Actor } from "@/lib/auth/session-user";
import { kpiDefinition, type KpiId } from "@/lib/kpis/catalogue";
import { ALL_GROUP, baselinesOf, type SubjectValue } from "@/lib/kpis/baselines";
import type { KpiSubjectType } from "@/lib/kpis/compute-kpis";
import { cellKey, loadKpiCells } from "@/lib/contracts/load-kpi-cells";
import { proposeTerms, referencePeriod, spreadOf, type ProposedTerms, type Spread } from "@/lib/contracts/calibration";
import { loadObservedExpected, oeKey } from "@/lib/contracts/load-observed-expected";
import { isStandardised } from "@/lib/kpis/standardised-kpis";
import { requireManagingRole } from "@/lib/contracts/access";
import { checkParty } from "@/lib/contracts/check-contract-terms";
import { CONTRACT_KPIS } from "@/lib/contracts/schema";
import type { KpiValue, OeValue } from "@/lib/contracts/build-scorecard";
import type { Period } from "@/lib/kernel/calendar";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CONTRACT_KPI_IDS = CONTRACT_KPIS.map((k) => k.id) as [KpiId, ...KpiId[]];

export const BaselineRequest = z.object({
  // UNIT_TEMPLATE: a template applied to each officer of a unit.
  partyType: z.enum(["OFFICER", "UNIT", "OFFICE", "UNIT_TEMPLATE"]),
  officeCode: z.string().min(1, { message: "officeRequired" }),
  partyOfficerId: z.string().min(1).nullable().default(null),
  partyUnit: z.string().min(1).nullable().default(null),
  periodFrom: z.string().regex(DAY, { message: "date" }),
  kpiIds: z.array(z.enum(CONTRACT_KPI_IDS)).max(24),
  // A reference period the manager chose instead of the default one.
  reference: z
    .object({ from: z.string().regex(DAY), to: z.string().regex(DAY) })
    .nullable()
    .default(null),
});
export type BaselineRequest = z.input<typeof BaselineRequest>;

type Distribution = {
  spread: (Spread & { n: number }) | null;
  // Every value of the group, sorted, for the strip plot (no names: the form shows where values fall).
  values: number[];
  proposal: ProposedTerms | null;
};

export type IndicatorBaseline = Distribution & {
  kpiId: KpiId;
  // The same over the group's O/E ratios, for a KPI that can be scored on O/E; null otherwise.
  oe: Distribution | null;
};

// oe: each subject's O/E per KPI that has one (absent for a unit or an office).
export type ScoredSubject = {
  id: string;
  label: string;
  values: Record<string, KpiValue>;
  oe?: Record<string, OeValue>;
};

export type ContractBaselines = {
  reference: Period | null;
  group: { kind: "office" | "unit" | "units" | "offices"; id: string; size: number };
  indicators: IndicatorBaseline[];
  // The party (one officer, unit or office), or every officer of the unit a template is applied to.
  subjects: ScoredSubject[];
};

async function lastRegistrationDay(): Promise<string | null> {
  const { rows } = await pool.query<{ day: string | null }>(
    `SELECT to_char(max(reg_ts), 'YYYY-MM-DD') AS day FROM declarations`,
  );
  return rows[0]?.day ?? null;
}

type Plan = {
  subjectType: KpiSubjectType;
  groupIds: string[];
  group: ContractBaselines["group"];
  subjects: { id: string; label: string }[];
};

async function planFor(input: z.infer<typeof BaselineRequest>): Promise<Plan> {
  const officeOfficers = (where: { officeCode: string; unit?: string }) =>
    db.officer.findMany({ where, orderBy: { officerId: "asc" }, select: { officerId: true, fullName: true } });
  switch (input.partyType) {
    case "OFFICER": {
      const officers = await officeOfficers({ officeCode: input.officeCode });
      const own = officers.find((o) => o.officerId === input.partyOfficerId);
      return {
        subjectType: "officer",
        groupIds: officers.map((o) => o.officerId),
        group: { kind: "office", id: input.officeCode, size: officers.length },
        subjects: own ? [{ id: own.officerId, label: own.fullName }] : [],
      };
    }
    case "UNIT_TEMPLATE": {
      const officers = await officeOfficers({ officeCode: input.officeCode, unit: input.partyUnit ?? "" });
      return {
        subjectType: "officer",
        groupIds: officers.map((o) => o.officerId),
        group: { kind: "unit", id: `${input.officeCode}/${input.partyUnit}`, size: officers.length },
        subjects: officers.map((o) => ({ id: o.officerId, label: o.fullName })),
      };
    }
    case "UNIT": {
      const units = await db.officer.groupBy({ by: ["officeCode", "unit"], orderBy: [{ officeCode: "asc" }] });
      const ids = units.map((u) => `${u.officeCode}/${u.unit}`);
      const own = `${input.officeCode}/${input.partyUnit}`;
      return {
        subjectType: "unit",
        groupIds: ids,
        group: { kind: "units", id: ALL_GROUP, size: ids.length },
        subjects: ids.includes(own) ? [{ id: own, label: own }] : [],
      };
    }
    case "OFFICE": {
      const offices = await db.office.findMany({ orderBy: { officeCode: "asc" }, select: { officeCode: true } });
      const ids = offices.map((o) => o.officeCode);
      return {
        subjectType: "office",
        groupIds: ids,
        group: { kind: "offices", id: ALL_GROUP, size: ids.length },
        subjects: [{ id: input.officeCode, label: input.officeCode }],
      };
    }
  }
}

// observedExpected: false skips the O/E (a standardisation over the reference period) for a caller that proposes
// raw terms only, as the demo seed does.
export async function contractBaselines(
  raw: BaselineRequest,
  actor: Actor,
  options: { observedExpected?: boolean } = {},
): Promise<ContractBaselines> {
  requireManagingRole(actor);
  const input = BaselineRequest.parse(raw);
  // The same scope checks as a contract for this party: a manager sees baselines of their own offices only.
  await db.$transaction((tx) =>
    checkParty(tx, actor, {
      partyType: input.partyType === "UNIT_TEMPLATE" ? "UNIT" : input.partyType,
      officeCode: input.officeCode,
      partyOfficerId: input.partyOfficerId,
      partyUnit: input.partyUnit,
    }),
  );
  const plan = await planFor(input);
  const reference = input.reference ?? referencePeriod(input.periodFrom, await lastRegistrationDay());
  const empty = { reference, group: plan.group, subjects: [] };
  if (!reference || !input.kpiIds.length)
    return {
      ...empty,
      indicators: input.kpiIds.map((kpiId) => ({ kpiId, spread: null, values: [], proposal: null, oe: null })),
    };

  const kpiIds = [...new Set(input.kpiIds)];
  const requests = plan.groupIds.map((id) => ({ subjectType: plan.subjectType, subjectId: id, ...reference }));
  const cells = await loadKpiCells(requests, kpiIds);
  const requestOf = new Map(requests.map((r) => [r.subjectId, r]));
  const valueOf = (id: string, kpiId: string) => {
    const request = requestOf.get(id);
    return request ? cells.get(cellKey(request))?.get(kpiId) : undefined;
  };
  const values: SubjectValue[] = plan.groupIds.flatMap((id) =>
    kpiIds.map((kpiId) => ({ subjectId: id, kpiId, value: valueOf(id, kpiId)?.value ?? null })),
  );
  // Grouped as "ALL": the values are already those of the group.
  const baselines = await baselinesOf(values, plan.subjectType, []);
  // O/E exists for officers only (schema.ts refuses an O/E indicator on a unit's or an office's contract).
  const oeKpis =
    plan.subjectType === "officer" && options.observedExpected !== false ? kpiIds.filter(isStandardised) : [];
  const oe = await loadObservedExpected(
    oeKpis.length ? plan.groupIds.map((officerId) => ({ officerId, ...reference })) : [],
    oeKpis,
  );
  const oeOf = (id: string) => oe.get(oeKey({ officerId: id, ...reference }));

  const oeDistribution = (kpiId: KpiId): Distribution | null => {
    const direction = kpiDefinition(kpiId).direction;
    if (!oeKpis.includes(kpiId) || direction === "context") return null;
    const ratios = plan.groupIds
      .flatMap((id) => {
        const ratio = oeOf(id)?.get(kpiId)?.ratio;
        return ratio === null || ratio === undefined ? [] : [ratio];
      })
      .sort((a, b) => a - b);
    const spread = spreadOf(ratios);
    return { spread, values: ratios, proposal: spread ? proposeTerms(direction, "ratio", spread) : null };
  };

  const indicators = kpiIds.map((kpiId): IndicatorBaseline => {
    const row = baselines.find((b) => b.kpiId === kpiId && b.group === ALL_GROUP);
    const definition = kpiDefinition(kpiId);
    const spread = row
      ? { p10: row.p10, p25: row.p25, p50: row.p50, p75: row.p75, p90: row.p90, n: row.nSubjects }
      : null;
    return {
      kpiId,
      spread,
      values: values
        .filter((v) => v.kpiId === kpiId && v.value !== null)
        .map((v) => v.value!)
        .sort((a, b) => a - b),
      proposal:
        spread && definition.direction !== "context"
          ? proposeTerms(definition.direction, definition.unit, spread)
          : null,
      oe: oeDistribution(kpiId),
    };
  });
  const subjects = plan.subjects.map((s) => ({
    ...s,
    values: Object.fromEntries(
      kpiIds.map((kpiId) => {
        const cell = valueOf(s.id, kpiId);
        return [
          kpiId,
          { value: cell?.value ?? null, numerator: cell?.numerator ?? null, denominator: cell?.denominator ?? null },
        ];
      }),
    ),
    ...(oeKpis.length ? { oe: Object.fromEntries(oeOf(s.id) ?? []) } : {}),
  }));
  return { reference, group: plan.group, indicators, subjects };
}
