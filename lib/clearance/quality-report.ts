// Data-quality report of one import ("quality data in a timely manner"): completeness of every column, accepted but
// suspicious sequences, timeliness of the data by office, and volumes by office and month. Computed in SQL over the
// rows this import accepted, before its transaction commits.
import "server-only";
import type { PoolClient } from "pg";
import { fileSpec } from "@/lib/clearance/canonical-files";
import { stagingTable } from "@/lib/clearance/stage-file";
import type { RejectionCause } from "@/lib/clearance/dependent-rejections";

export type QualityReport = {
  declarations: number;
  completeness: { file: string; column: string; nullShare: number; nulls: number; rows: number }[];
  sequences: { check: SequenceCheck; count: number; share: number; examples: string[] }[];
  timeliness: { officeCode: string; declarations: number; medianLagDays: number; p90LagDays: number }[];
  volumes: { officeCode: string; month: string; declarations: number }[];
  // Rows that caused others to be rejected, with how many per file (absent from reports of earlier imports).
  rejectionCauses?: RejectionCause[];
};

export type SequenceCheck =
  | "release_before_payment"
  | "payment_before_assessment"
  | "release_before_registration"
  | "arrival_after_registration"
  | "inspection_before_registration";

const DECLARATION_SEQUENCES: Record<Exclude<SequenceCheck, "inspection_before_registration">, string> = {
  release_before_payment: "release_ts < pay_ts",
  payment_before_assessment: "pay_ts < asmt_ts",
  release_before_registration: "release_ts < reg_ts",
  arrival_after_registration: "arrival_ts > reg_ts",
};

const COMPLETENESS_FILES = ["declarations", "items", "inspections", "events"] as const;

// A file's accepted rows and, per column of its spec, how many hold a value: known without a scan when its rows
// were counted while staged and none was rejected since (lib/clearance/stage-file.ts).
export type FilledCounts = { rows: number; filled: number[] };

export async function buildQualityReport(
  client: PoolClient,
  counted: Partial<Record<string, FilledCounts>> = {},
): Promise<QualityReport> {
  const decl = stagingTable(fileSpec("declarations"));
  const accepted = `reject_reason IS NULL`;

  const completeness: QualityReport["completeness"] = [];
  const rowsOf: Record<string, number> = {};
  for (const name of COMPLETENESS_FILES) {
    const spec = fileSpec(name);
    let known = counted[spec.fileName];
    if (!known) {
      const counts = spec.columns.map((c) => `count(${c.name})::int AS "${c.name}"`).join(", ");
      const { rows } = await client.query(
        `SELECT count(*)::int AS rows, ${counts} FROM ${stagingTable(spec)} WHERE ${accepted}`,
      );
      const row = rows[0] as Record<string, number>;
      known = { rows: row.rows!, filled: spec.columns.map((c) => row[c.name]!) };
    }
    rowsOf[name] = known.rows;
    if (!known.rows) continue;
    for (const [i, c] of spec.columns.entries()) {
      const nulls = known.rows - known.filled[i]!;
      completeness.push({
        file: spec.fileName,
        column: c.name,
        nulls,
        rows: known.rows,
        nullShare: nulls / known.rows,
      });
    }
  }
  const declarations = rowsOf.declarations!;

  // The declarations' checks in one scan of their staged rows, then the inspections' own.
  const checks = Object.entries(DECLARATION_SEQUENCES);
  const { rows: counts } = await client.query<Record<string, number | string[] | null>>(
    `SELECT ${checks
      .map(
        ([, condition], i) => `count(*) FILTER (WHERE ${condition})::int AS n${i},
        (array_agg(decl_id ORDER BY decl_id) FILTER (WHERE ${condition}))[1:5] AS e${i}`,
      )
      .join(", ")}
       FROM ${decl} WHERE ${accepted}`,
  );
  const { rows: inspections } = await client.query<{ count: number; examples: string[] | null }>(
    `SELECT count(*)::int AS count, (array_agg(i.decl_id ORDER BY i.decl_id))[1:5] AS examples
       FROM ${stagingTable(fileSpec("inspections"))} i JOIN declarations d USING (decl_id)
      WHERE i.${accepted} AND i.exam_ts < d.reg_ts`,
  );
  const sequenceRows = [
    ...checks.map(([check], i) => ({
      check: check as SequenceCheck,
      count: counts[0]![`n${i}`] as number,
      examples: counts[0]![`e${i}`] as string[] | null,
    })),
    { check: "inspection_before_registration" as const, ...inspections[0]! },
  ];
  const sequences = sequenceRows.map((r) => ({
    check: r.check,
    count: r.count,
    share: declarations ? r.count / declarations : 0,
    examples: r.examples ?? [],
  }));

  // Lag between registration (office-local time) and the moment of this import, in days.
  const { rows: timeliness } = await client.query(`
    SELECT office_code AS "officeCode", count(*)::int AS declarations,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS "medianLagDays",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY lag) AS "p90LagDays"
      FROM (SELECT office_code, extract(epoch FROM localtimestamp - reg_ts) / 86400 AS lag
              FROM ${decl} WHERE ${accepted}) x
     GROUP BY office_code ORDER BY office_code`);

  const { rows: volumes } = await client.query(`
    SELECT office_code AS "officeCode", to_char(reg_ts, 'YYYY-MM') AS month, count(*)::int AS declarations
      FROM ${decl} WHERE ${accepted}
     GROUP BY 1, 2 ORDER BY 1, 2`);

  return { declarations, completeness, sequences, timeliness, volumes } as QualityReport;
}
