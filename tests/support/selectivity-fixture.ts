// A small hand-made data set for the selectivity tables (lib/selectivity/compute-selectivity.ts); every expected
// number of tests/integration/selectivity.test.ts is worked out by hand from these rows.
//
// Offices SA, SB. Officers P1, P2 (SA), Q1 (SB). June 2025 unless said otherwise.
//
//  decl    office officer reg_ts      lanes status     taxes i→f  reroute event        inspections
//  SEL-1   SA     P1      06-02 09:00 R→R   assessed   100→150
//  SEL-2   SA     P1      06-03 09:00 R→G   assessed   200→200    06-03 10:00 by P2    06-20 offence, adj 40 (after it)
//  SEL-3   SA     P1      06-04 09:00 Y→G   assessed   —→80       06-04 10:00 no officer
//  SEL-4   SA     P2      06-05 09:00 Y→Y   assessed   50→50                           06-05 no_offence
//  SEL-5   SA     P2      06-06 09:00 G→G   assessed   —
//  SEL-6   SA     P2      06-07 09:00 R→B   cancelled  10→10                           06-08 offence, adj 10
//  SEL-7   SA     P1      06-09 09:00 Y→G   assessed   30→30      06-09 10:00 by P2    06-09 09:30 offence, adj 5
// (before it)
//  SEL-8   SA     P1      06-30 09:00 R→R   assessed   300→360                         07-01 offence, adj 70 (July)
//  SEL-9   SB     Q1      06-10 09:00 R→Y   assessed   500→500    06-10 10:00 by Q1    — ; a closed case confirms it
//  SEL-10  SB     Q1      07-02 09:00 G→G   assessed   10→10
import { pool } from "@/lib/pg";

type Row = [
  decl: string,
  office: string,
  officer: string,
  reg: string,
  laneInitial: string,
  laneFinal: string,
  status: string,
  taxesInitial: number | null,
  taxesFinal: number | null,
];

const DECLARATIONS: Row[] = [
  ["SEL-1", "SA", "P1", "2025-06-02 09:00", "R", "R", "assessed", 100, 150],
  ["SEL-2", "SA", "P1", "2025-06-03 09:00", "R", "G", "assessed", 200, 200],
  ["SEL-3", "SA", "P1", "2025-06-04 09:00", "Y", "G", "assessed", null, 80],
  ["SEL-4", "SA", "P2", "2025-06-05 09:00", "Y", "Y", "assessed", 50, 50],
  ["SEL-5", "SA", "P2", "2025-06-06 09:00", "G", "G", "assessed", null, null],
  ["SEL-6", "SA", "P2", "2025-06-07 09:00", "R", "B", "cancelled", 10, 10],
  ["SEL-7", "SA", "P1", "2025-06-09 09:00", "Y", "G", "assessed", 30, 30],
  ["SEL-8", "SA", "P1", "2025-06-30 09:00", "R", "R", "assessed", 300, 360],
  ["SEL-9", "SB", "Q1", "2025-06-10 09:00", "R", "Y", "assessed", 500, 500],
  ["SEL-10", "SB", "Q1", "2025-07-02 09:00", "G", "G", "assessed", 10, 10],
];

export async function insertSelectivityData(): Promise<void> {
  await pool.query(`INSERT INTO offices (office_code, name, open_time, close_time, workdays) VALUES
    ('SA', 'Office SA', '08:00', '16:00', '{1,2,3,4,5}'), ('SB', 'Office SB', '08:00', '16:00', '{1,2,3,4,5}')`);
  await pool.query(`INSERT INTO officers (officer_id, full_name, office_code, unit) VALUES
    ('P1', 'Paula One', 'SA', 'U1'), ('P2', 'Pierre Two', 'SA', 'U1'), ('Q1', 'Quentin One', 'SB', 'U2')`);
  await pool.query(`SELECT ensure_declaration_partitions('2025-06-01', '2025-07-31')`);
  for (const [decl, office, officer, reg, li, lf, status, ti, tf] of DECLARATIONS) {
    await pool.query(
      `INSERT INTO declarations (decl_id, office_code, flow, reg_ts, lane_initial, lane_final, assignment_mode, assessing_officer_id,
                                 taxes_initial, taxes_final, status)
       VALUES ($1, $2, 'I', $3, $4, $5, 'auto', $6, $7, $8, $9)`,
      [decl, office, reg, li, lf, officer, ti, tf, status],
    );
  }
  await pool.query(`INSERT INTO events (decl_id, ts, action, officer_id, lane_from, lane_to) VALUES
    ('SEL-2', '2025-06-03 10:00', 'reroute', 'P2', 'R', 'G'), ('SEL-3', '2025-06-04 10:00', 'reroute', NULL, 'Y', 'G'),
    ('SEL-7', '2025-06-09 10:00', 'reroute', 'P2', 'Y', 'G'), ('SEL-9', '2025-06-10 10:00', 'reroute', 'Q1', 'R', 'Y')`);
  await pool.query(`INSERT INTO inspections (decl_id, inspector_id, exam_ts, result, offence_code, adjustment_amount) VALUES
    ('SEL-2', 'P1', '2025-06-20 10:00', 'offence', 'UNDERVALUATION', 40), ('SEL-4', 'P2', '2025-06-05 12:00', 'no_offence', NULL, NULL),
    ('SEL-6', 'P2', '2025-06-08 09:00', 'offence', 'ORIGIN', 10), ('SEL-7', 'P1', '2025-06-09 09:30', 'offence', 'QUANTITY', 5),
    ('SEL-8', 'P1', '2025-07-01 09:00', 'offence', 'UNDERVALUATION', 70)`);
}

// A closed case whose confirmed finding names no declaration, so it confirms all of its evidence (decision 022),
// with a tax adjustment on one of them. Inserted as the cases module leaves one after four-eyes closing.
export async function insertConfirmedCase(
  declIds: string[],
  office: string,
  adjustment: { declId: string; amount: number } | null,
): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO cases (title, office_code, status, opened_by_id, assignee_id, due_date, finding, finding_summary, offence_code,
                        finding_by_id, finding_at, closed_by_id, closed_at, updated_at)
     VALUES ('Test case', $1, 'CLOSED', 'opener', 'investigator', '2025-08-01', 'CONFIRMED', 'confirmed', 'UNDERVALUATION',
             'investigator', '2025-07-15 10:00+00', 'closer', '2025-07-16 10:00+00', now())
     RETURNING id`,
    [office],
  );
  const caseId = rows[0]!.id;
  const snapshot = {
    version: 1,
    declarations: declIds.map((decl_id) => ({ decl_id, office_code: office })),
    goods: {},
    total: declIds.length,
  };
  await pool.query(
    `INSERT INTO case_evidence (case_id, flag_id, snapshot, sha256, declaration_count, captured_by_id)
     VALUES ($1, (SELECT coalesce(max(flag_id), 0) + 1000 FROM case_evidence), $2::jsonb, 'test', $3, 'opener')`,
    [caseId, JSON.stringify(snapshot), declIds.length],
  );
  if (adjustment) {
    await pool.query(
      `INSERT INTO case_actions (case_id, type, amount, decl_id, recorded_by_id) VALUES ($1, 'TAX_ADJUSTMENT', $2, $3, 'investigator')`,
      [caseId, adjustment.amount, adjustment.declId],
    );
  }
  return caseId;
}
