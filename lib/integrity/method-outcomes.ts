// What triage has learnt about each method (docs/indicators.md "Outcomes and learned weights"). A flag has an
// outcome when
//   - its case is CLOSED with a CONFIRMED finding: founded, unless the finding names it among the flags it does not
//     uphold (cases.unfounded_flag_ids), then unfounded;
//   - its case is CLOSED with an UNFOUNDED finding: unfounded (an INCONCLUSIVE one gives no outcome);
//   - it was dismissed (always with a reason): unfounded.
// Founded rates are shown per method and per office with their n. The queue weighs a method by its record once at
// least MIN_OUTCOMES of its flags have an outcome, across every office: w = 2 · (founded + 1) / (n + 2), the
// founded rate pulled towards one half (Laplace), so 1 at one half, towards 2 for a method whose flags are all
// founded and towards 0 for one whose flags never are. Until then every method weighs 1.
import "server-only";
import { pool } from "@/lib/pg";
import { scopeForUser } from "@/lib/auth/scope";
import type { FlagViewer } from "@/lib/integrity/flag-evidence";
import { assertIntegrityViewer } from "@/lib/integrity/integrity-scope";

export const MIN_OUTCOMES = 10;

export type OutcomeCount = { method: string; officeCode: string | null; founded: number; n: number };

export function learnedWeight(founded: number, n: number, minOutcomes = MIN_OUTCOMES): number {
  return n >= minOutcomes ? (2 * (founded + 1)) / (n + 2) : 1;
}

// Every flag with an outcome, once, with whether it was founded.
const OUTCOMES = `
  SELECT f.method, f.office_code, (c.finding = 'CONFIRMED' AND NOT (f.id = ANY (c.unfounded_flag_ids))) AS founded
    FROM case_flags cf JOIN cases c ON c.id = cf.case_id JOIN flags f ON f.id = cf.flag_id
   WHERE c.status = 'CLOSED' AND c.finding IN ('CONFIRMED', 'UNFOUNDED')
  UNION ALL
  SELECT f.method, f.office_code, false FROM flags f WHERE f.state = 'DISMISSED' AND f.dismiss_reason IS NOT NULL`;

// $1 = the office the counts are narrowed to (null: every office).
async function outcomeCounts(officeCode: string | null): Promise<OutcomeCount[]> {
  const { rows } = await pool.query<{ method: string; office_code: string | null; founded: number; n: number }>(
    `SELECT method, office_code, count(*) FILTER (WHERE founded)::int AS founded, count(*)::int AS n
       FROM (${OUTCOMES}) o
      WHERE $1::text IS NULL OR office_code = $1
      GROUP BY method, office_code ORDER BY method, office_code NULLS FIRST`,
    [officeCode],
  );
  return rows.map((r) => ({ method: r.method, officeCode: r.office_code, founded: r.founded, n: r.n }));
}

export type MethodRecord = { method: string; founded: number; n: number; weight: number };

// The weights the queue uses: from every office's outcomes.
export async function methodWeights(): Promise<{ weights: Record<string, number>; records: MethodRecord[] }> {
  const byMethod = new Map<string, { founded: number; n: number }>();
  for (const c of await outcomeCounts(null)) {
    const m = byMethod.get(c.method) ?? { founded: 0, n: 0 };
    byMethod.set(c.method, { founded: m.founded + c.founded, n: m.n + c.n });
  }
  const records = [...byMethod.entries()]
    .map(([method, c]) => ({ method, ...c, weight: learnedWeight(c.founded, c.n) }))
    .sort((a, b) => a.method.localeCompare(b.method));
  return { weights: Object.fromEntries(records.map((r) => [r.method, r.weight])), records };
}

// The founded rates the viewer may see: per method over their scope, and per method and office.
export async function methodOutcomes(
  viewer: FlagViewer,
): Promise<{ byMethod: MethodRecord[]; byOffice: OutcomeCount[] }> {
  assertIntegrityViewer(viewer);
  const scope = scopeForUser(viewer);
  const byOffice = await outcomeCounts(scope.kind === "office" ? scope.officeCode : null);
  const { weights } = await methodWeights();
  const totals = new Map<string, { founded: number; n: number }>();
  for (const c of byOffice) {
    const m = totals.get(c.method) ?? { founded: 0, n: 0 };
    totals.set(c.method, { founded: m.founded + c.founded, n: m.n + c.n });
  }
  return {
    byMethod: [...totals.entries()]
      .map(([method, c]) => ({ method, ...c, weight: weights[method] ?? 1 }))
      .sort((a, b) => a.method.localeCompare(b.method)),
    byOffice,
  };
}
