// The GAMING watch (docs/indicators.md, "Gaming watch"): for every signed individual contract, each rewarded
// indicator that has a guard (an indicator that worsens when the first is gamed) is compared before the contract
// started (the six complete months before its first day) and after (from its first day to the end of the detection
// period, within the contract). A rewarded indicator that improved while its guard worsened, both beyond chance
// (gaming-test.ts), raises a GAMING flag on the officer with the figures behind it. The values are the KPI engine's,
// stored as the officer's KPI cells of each window. Flags are stored with the other methods' (store-flags.ts) and
// scoped to the officer's office like them: the integrity unit sees them, and the contract's managers see them on
// the contract's page; an officer never does.
import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/pg";
import { cellKey, loadKpiCells, type CellValues } from "@/lib/contracts/load-kpi-cells";
import { kpiDefinition, type KpiId } from "@/lib/kpis/catalogue";
import { referencePeriod } from "@/lib/contracts/calibration";
import { GAMING_TEST, gamingVerdict, type Proportion } from "@/lib/integrity/gaming-test";
import type { Period } from "@/lib/kernel/calendar";

type Queryable = Pick<PoolClient, "query">;

// "INSPECTIONS": inspections examined per live declaration (P11's n over P8's n), which an officer rewarded on his
// hit rate can raise by inspecting less.
export type Guard = KpiId | "INSPECTIONS";

export const GAMING_PAIRS: readonly { rewarded: KpiId; guard: Guard }[] = [
  { rewarded: "P1", guard: "I12" },
  { rewarded: "P2", guard: "I12" },
  { rewarded: "P2", guard: "P3" },
  { rewarded: "P5", guard: "I12" },
  { rewarded: "P11", guard: "INSPECTIONS" },
];

export const GAMING_METHOD = "GAMING";

export type GamingFlag = {
  method: typeof GAMING_METHOD;
  kpiId: KpiId;
  subjectType: "officer";
  subjectId: string;
  // The guard that worsened.
  relatedId: Guard;
  periodFrom: string;
  periodTo: string;
  score: number;
  n: number;
  stats: Record<string, number | string | null>;
};

type WatchedContract = { id: number; contractNo: number; officerId: string; from: string; to: string; kpis: KpiId[] };

async function watchedContracts(period: Period): Promise<WatchedContract[]> {
  const { rows } = await pool.query<{
    id: number;
    contract_no: number;
    officer_id: string;
    period_from: string;
    period_to: string;
    kpis: KpiId[];
  }>(
    `SELECT c.id, c.contract_no, c.party_officer_id AS officer_id, to_char(c.period_from, 'YYYY-MM-DD') AS period_from,
            to_char(c.period_to, 'YYYY-MM-DD') AS period_to, array_agg(i.kpi_id ORDER BY i.position) AS kpis
       FROM contracts c JOIN contract_indicators i ON i.contract_id = c.id
      WHERE c.party_type = 'OFFICER' AND c.signed_at IS NOT NULL
        AND c.status IN ('SIGNED', 'ACKNOWLEDGED', 'ACTIVE', 'CLOSED')
        AND c.period_from <= $2::date AND c.period_to >= $1::date
      GROUP BY c.id ORDER BY c.id`,
    [period.from, period.to],
  );
  return rows.map((r) => ({
    id: r.id,
    contractNo: r.contract_no,
    officerId: r.officer_id,
    from: r.period_from,
    to: r.period_to,
    kpis: r.kpis,
  }));
}

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function proportion(values: CellValues | undefined, measure: KpiId | Guard): Proportion | null {
  if (measure === "INSPECTIONS") {
    const inspections = values?.get("P11")?.denominator;
    const declarations = values?.get("P8")?.denominator;
    return inspections === undefined || inspections === null || !declarations
      ? null
      : { x: inspections, n: declarations };
  }
  const row = values?.get(measure);
  if (!row || row.numerator === null || row.denominator === null) return null;
  return { x: row.numerator, n: row.denominator };
}

const directionOf = (m: KpiId | Guard): "higher" | "lower" =>
  m === "INSPECTIONS" ? "higher" : kpiDefinition(m).direction === "lower" ? "lower" : "higher";

// The windows' values are stored KPI cells (loadKpiCells), like a contract's own: kept while no import touches
// them, so the window before a contract is computed once, and a window after it once for the detection runs of
// every period that ends on the same day.
export async function watchContractGaming(period: Period): Promise<GamingFlag[]> {
  const contracts = await watchedContracts(period);
  const plans = contracts.flatMap((c) => {
    const after = { from: c.from, to: c.to < period.to ? c.to : period.to };
    const before = referencePeriod(c.from, dayBefore(c.from));
    const pairs = GAMING_PAIRS.filter((p) => c.kpis.includes(p.rewarded) && kpiDefinition(p.rewarded).unit === "share");
    return before && pairs.length && after.from <= after.to ? [{ c, before, after, pairs }] : [];
  });
  const kpiIds = new Set<KpiId>(["P8", "P11"]);
  for (const pair of plans.flatMap((p) => p.pairs)) {
    kpiIds.add(pair.rewarded);
    if (pair.guard !== "INSPECTIONS") kpiIds.add(pair.guard);
  }
  const cell = (officerId: string, window: Period) =>
    ({ subjectType: "officer", subjectId: officerId, ...window }) as const;
  const values = await loadKpiCells(
    plans.flatMap((p) => [cell(p.c.officerId, p.before), cell(p.c.officerId, p.after)]),
    [...kpiIds],
  );
  return plans.flatMap(({ c, before, after, pairs }) => {
    const b = values.get(cellKey(cell(c.officerId, before)));
    const a = values.get(cellKey(cell(c.officerId, after)));
    return pairs.flatMap((pair): GamingFlag[] => {
      const rb = proportion(b, pair.rewarded);
      const ra = proportion(a, pair.rewarded);
      const gb = proportion(b, pair.guard);
      const ga = proportion(a, pair.guard);
      if (!rb || !ra || !gb || !ga) return [];
      const verdict = gamingVerdict(
        { before: rb, after: ra, direction: directionOf(pair.rewarded) },
        { before: gb, after: ga, direction: directionOf(pair.guard) },
      );
      if (!verdict.flagged) return [];
      return [
        {
          method: GAMING_METHOD,
          kpiId: pair.rewarded,
          subjectType: "officer",
          subjectId: c.officerId,
          relatedId: pair.guard,
          periodFrom: period.from,
          periodTo: period.to,
          score: verdict.guardZ!,
          n: ra.n,
          stats: {
            contractId: c.id,
            contractNo: c.contractNo,
            rewarded: pair.rewarded,
            guard: pair.guard,
            beforeFrom: before.from,
            beforeTo: before.to,
            afterFrom: after.from,
            afterTo: after.to,
            rewardedBefore: rb.x / rb.n,
            rewardedAfter: ra.x / ra.n,
            nRewardedBefore: rb.n,
            nRewardedAfter: ra.n,
            guardBefore: gb.x / gb.n,
            guardAfter: ga.x / ga.n,
            nGuardBefore: gb.n,
            nGuardAfter: ga.n,
            zRewarded: verdict.rewardedZ,
            zGuard: verdict.guardZ,
          },
        },
      ];
    });
  });
}

// Stores the period's GAMING flags inside the detection run's transaction (store-flags.ts), with the same upsert
// as the other methods; returns their ids, which the run keeps active.
export async function storeGamingFlags(period: Period, flags: GamingFlag[], client: Queryable): Promise<number[]> {
  if (!flags.length) return [];
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO flags (method, kpi_id, subject_type, subject_id, related_id, period_from, period_to, score, n, stats, rule,
                        office_code, active, first_detected_at, last_detected_at)
     SELECT f.method, f.kpi_id, f.subject_type, f.subject_id, f.related_id, $1::date, $2::date, f.score, f.n, f.stats,
            $4::jsonb, (SELECT office_code FROM officers WHERE officer_id = f.subject_id), true, now(), now()
       FROM jsonb_to_recordset($3::jsonb) AS f(method text, kpi_id text, subject_type text, subject_id text,
                                               related_id text, score float8, n int, stats jsonb)
     ON CONFLICT (method, kpi_id, subject_type, subject_id, related_id, period_from, period_to) DO UPDATE
        SET score = EXCLUDED.score, n = EXCLUDED.n, stats = EXCLUDED.stats, rule = EXCLUDED.rule,
            active = true, last_detected_at = now()
     RETURNING id`,
    [
      period.from,
      period.to,
      JSON.stringify(
        flags.map((f) => ({
          method: f.method,
          kpi_id: f.kpiId,
          subject_type: f.subjectType,
          subject_id: f.subjectId,
          related_id: f.relatedId,
          score: f.score,
          n: f.n,
          stats: f.stats,
        })),
      ),
      JSON.stringify({
        method: GAMING_METHOD,
        params: { ...GAMING_TEST, pairs: GAMING_PAIRS.map((p) => `${p.rewarded} → ${p.guard}`).join(", ") },
      }),
    ],
  );
  return rows.map((r) => r.id);
}
