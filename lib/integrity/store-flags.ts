// Runs detection over a period and stores its flags. A flag already known (same method, KPI, subject, related
// subject and period) gets the new figures and keeps its triage and case; flags the run no longer raises are marked
// inactive, never deleted, since a case may rest on them.
import "server-only";
import { pool } from "@/lib/pg";
import { detectFlags, type Flag } from "@/lib/integrity/detect-flags";
import { currentDetectionParams } from "@/lib/integrity/detection-settings";
import { METHOD_PARAMS_KEY, type DetectionParams } from "@/lib/integrity/detection-params";

const RULE_KEY: Record<Flag["method"], keyof DetectionParams> = METHOD_PARAMS_KEY;

export async function detectAndStoreFlags(period: {
  from: string;
  to: string;
}): Promise<{ raised: number; retired: number }> {
  const params = await currentDetectionParams();
  const flags = await detectFlags(period, params);
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
    const retired = await client.query(
      `UPDATE flags SET active = false
        WHERE period_from = $1::date AND period_to = $2::date AND active AND NOT (id = ANY ($3::int[]))
          AND method = ANY ($4::text[])`,
      // Only the flags of the methods this run computes: other flags of the period (the risk model's drift) are not its own.
      [period.from, period.to, raised.map((r) => r.id), Object.keys(RULE_KEY)],
    );
    await client.query("COMMIT");
    return { raised: flags.length, retired: retired.rowCount ?? 0 };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
