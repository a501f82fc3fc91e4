// Runs detection over a period and stores its flags. A flag already known (same method, KPI, subject, related
// subject and period) gets the new figures and keeps its triage and case; flags the run no longer raises are marked
// inactive, never deleted, since a case may rest on them. Each method's number of tests over the period and each
// flag's revenue at stake are stored with them, for the work queue (triage-queue.ts).
import "server-only";
import { pool } from "@/lib/pg";
import { detectFlagsWithTests, type Flag } from "@/lib/integrity/detect-flags";
import { updateRevenueAtStake } from "@/lib/integrity/flag-stakes";
import { currentDetectionParams } from "@/lib/integrity/detection-settings";
import { METHOD_PARAMS_KEY, type DetectionParams } from "@/lib/integrity/detection-params";
import { storeGamingFlags, watchContractGaming } from "@/lib/integrity/gaming-watch";

const RULE_KEY: Record<Flag["method"], keyof DetectionParams> = METHOD_PARAMS_KEY;

// `kpis`: see detectFlags ("stored" when the period's KPI results were just stored).
export async function detectAndStoreFlags(
  period: { from: string; to: string },
  kpis: "computed" | "stored" = "computed",
): Promise<{ raised: number; retired: number }> {
  const params = await currentDetectionParams();
  const [{ flags, tests }, gamingFlags] = await Promise.all([
    detectFlagsWithTests(period, params, pool, kpis),
    watchContractGaming(period),
  ]);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows: raised } = await client.query<{ id: number }>(
      `INSERT INTO flags (method, kpi_id, subject_type, subject_id, related_id, period_from, period_to, score, n, stats, rule,
                          office_code, active, first_detected_at, last_detected_at)
       SELECT f.method, f.kpi_id, f.subject_type, f.subject_id, f.related_id, $1::date, $2::date, f.score, f.n, f.stats, f.rule,
              CASE f.subject_type
                WHEN 'officer' THEN (SELECT office_code FROM officers WHERE officer_id = f.subject_id)
                WHEN 'declaration' THEN (SELECT office_code FROM declarations WHERE decl_id = f.subject_id LIMIT 1)
                ELSE f.stats ->> 'officeCode' END,
              true, now(), now()
         FROM jsonb_to_recordset($3::jsonb) AS f(method text, kpi_id text, subject_type text, subject_id text,
                                                 related_id text, score float8, n int, stats jsonb, rule jsonb)
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
            kpi_id: f.kpiId ?? "",
            subject_type: f.subjectType,
            subject_id: f.subjectId,
            related_id: f.relatedId ?? "",
            score: f.score,
            n: f.n,
            stats: f.stats,
            rule: { method: f.method, params: params[RULE_KEY[f.method]] },
          })),
        ),
      ],
    );
    const gaming = await storeGamingFlags(period, gamingFlags, client);
    const retired = await client.query(
      `UPDATE flags SET active = false
        WHERE period_from = $1::date AND period_to = $2::date AND active AND NOT (id = ANY ($3::int[]))
          AND method = ANY ($4::text[])`,
      // Only the flags of the methods this run computes: other flags of the period (the risk model's drift) are not its own.
      [period.from, period.to, [...raised.map((r) => r.id), ...gaming], [...Object.keys(RULE_KEY), "GAMING"]],
    );
    await client.query(
      `INSERT INTO detection_tests (method, period_from, period_to, tests, detected_at)
       SELECT t.method, $1::date, $2::date, t.tests, now() FROM jsonb_to_recordset($3::jsonb) AS t(method text, tests int)
       ON CONFLICT (method, period_from, period_to) DO UPDATE SET tests = EXCLUDED.tests, detected_at = now()`,
      [period.from, period.to, JSON.stringify(Object.entries(tests).map(([method, n]) => ({ method, tests: n })))],
    );
    await updateRevenueAtStake(client, period);
    await client.query("COMMIT");
    return { raised: flags.length + gaming.length, retired: retired.rowCount ?? 0 };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
