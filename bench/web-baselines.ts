// The plain-SQL baseline of each page of bench/web.ts: the statements behind what the page shows, hand-written and
// run directly with pg (no Next.js, no auth, no Prisma, no rendering), in the order and parallelism the page uses.
import type pg from "pg";

type Baseline = { note: string; run: (pool: pg.Pool) => Promise<unknown> };

const SCORED = `('SIGNED', 'ACKNOWLEDGED', 'ACTIVE', 'CLOSED')`;
const LATEST_IMPORT = `SELECT max(id) AS id FROM import_batches WHERE status = 'SUCCEEDED'`;

// The manager overview of a month: the scored contracts in force that month with their indicators, then the stored
// KPI cells of their party for the month, the month before and the period so far, looked up by key (as
// load-kpi-cells.ts reads them), beside the latest import.
export function overviewBaseline(
  month: { from: string; to: string },
  previous: { from: string; to: string },
): Baseline {
  const contracts = `
    SELECT c.id, c.title, c.status, c.office_code, c.period_from::text AS period_from, c.period_to::text AS period_to,
           least(c.period_to, current_date)::text AS so_far_to, p.full_name, p.unit,
           CASE c.party_type WHEN 'OFFICER' THEN 'officer' WHEN 'UNIT' THEN 'unit' ELSE 'office' END AS subject_type,
           CASE c.party_type WHEN 'OFFICER' THEN c.party_officer_id WHEN 'UNIT' THEN c.office_code || '/' || c.party_unit ELSE c.office_code END AS subject_id,
           i.kpi_id, i.threshold, i.target, i.weight, i.min_volume
      FROM contracts c JOIN contract_indicators i ON i.contract_id = c.id
      LEFT JOIN officers p ON p.officer_id = c.party_officer_id
     WHERE c.status IN ${SCORED} AND c.signed_at IS NOT NULL AND c.period_from <= $2::date AND c.period_to >= $1::date
     ORDER BY c.id, i.position`;
  const cells = `
    SELECT r.subject_type, r.subject_id, r.period_from, r.period_to, r.kpi_id, r.value, r.numerator, r.denominator,
           r.computed_at, r.last_import_id
      FROM kpi_results r
      JOIN unnest($1::"KpiSubjectType"[], $2::text[], $3::date[], $4::date[]) AS q(subject_type, subject_id, period_from, period_to)
        ON r.subject_type = q.subject_type AND r.subject_id = q.subject_id AND r.period_from = q.period_from AND r.period_to = q.period_to
     WHERE r.kpi_id = ANY ($5::text[])`;
  const later = (a: string, b: string) => (a > b ? a : b);
  const earlier = (a: string, b: string) => (a < b ? a : b);
  type Row = {
    id: number;
    period_from: string;
    period_to: string;
    so_far_to: string;
    subject_type: string;
    subject_id: string;
    kpi_id: string;
  };
  return {
    note: "scored contracts in force in the month with their indicators; then their stored kpi_results cells (month, month before, period so far) by key, and the latest import, in parallel",
    run: async (pool) => {
      const { rows } = await pool.query<Row>(contracts, [month.from, month.to]);
      const keys = new Map<string, [string, string, string, string]>();
      for (const c of rows) {
        for (const [from, to] of [
          [later(month.from, c.period_from), earlier(month.to, c.period_to)],
          [later(previous.from, c.period_from), earlier(previous.to, c.period_to)],
          [c.period_from, c.so_far_to],
        ] as const) {
          if (from <= to)
            keys.set(`${c.subject_type}|${c.subject_id}|${from}|${to}`, [c.subject_type, c.subject_id, from, to]);
        }
      }
      const k = [...keys.values()];
      const kpiIds = [...new Set(rows.map((r) => r.kpi_id)), "P13"];
      await Promise.all([
        pool.query(cells, [k.map((x) => x[0]), k.map((x) => x[1]), k.map((x) => x[2]), k.map((x) => x[3]), kpiIds]),
        pool.query(LATEST_IMPORT),
      ]);
    },
  };
}

// The officer's own page: due activations (an UPDATE matching nothing, as the page runs it), their contracts with
// indicators and the stored cells of the period so far, and their officer record.
export function officerBaseline(officerId: string): Baseline {
  const activate = `UPDATE contracts SET status = 'ACTIVE', activated_at = now()
                     WHERE status = 'ACKNOWLEDGED' AND period_from <= current_date RETURNING id`;
  const contracts = `
    SELECT c.id, c.title, c.status, c.period_from, c.period_to, i.kpi_id, i.threshold, i.target, i.weight, i.min_volume,
           r.value, r.numerator, r.denominator, r.computed_at, r.last_import_id
      FROM contracts c JOIN contract_indicators i ON i.contract_id = c.id
      LEFT JOIN kpi_results r ON r.subject_type = 'officer' AND r.subject_id = c.party_officer_id AND r.kpi_id = i.kpi_id
       AND r.period_from = c.period_from AND r.period_to = least(c.period_to, current_date)
     WHERE c.party_type = 'OFFICER' AND c.party_officer_id = $1 AND c.status <> 'DRAFT'
     ORDER BY c.period_from DESC, c.version DESC, i.position`;
  const officer = `SELECT o.officer_id, o.full_name, o.unit, f.name FROM officers o JOIN offices f USING (office_code) WHERE o.officer_id = $1`;
  return {
    note: "due activations (UPDATE), the officer's contracts with indicators joined to the stored kpi_results cells of the period so far, the officer record; latest import",
    run: async (pool) => {
      await pool.query(activate);
      await Promise.all([
        pool.query(contracts, [officerId]),
        pool.query(officer, [officerId]),
        pool.query(LATEST_IMPORT),
      ]);
    },
  };
}

// P1 (same-day assessment rate, docs/indicators.md) of one officer over a period, and the first page of the
// declarations
// behind it with their totals.
export function drilldownBaseline(officerId: string, period: { from: string; to: string }): Baseline {
  const where = `assessing_officer_id = $1 AND reg_ts >= $2::date AND reg_ts < $3::date + 1 AND status <> 'cancelled'`;
  const sameDay = `asmt_ts IS NOT NULL AND asmt_ts::date = reg_ts::date`;
  const value = `SELECT count(*) FILTER (WHERE ${sameDay})::int AS numerator, count(*)::int AS denominator FROM declarations WHERE ${where}`;
  const rows = `
    SELECT decl_id, office_code, assessing_officer_id, reg_ts, asmt_ts, release_ts, lane_initial, lane_final, status,
           taxes_initial, taxes_final, value_initial, value_final, (${sameDay}) AS in_numerator,
           count(*) OVER ()::int AS total, (count(*) FILTER (WHERE ${sameDay}) OVER ())::int AS numerator_total
      FROM declarations WHERE ${where}
     ORDER BY reg_ts, decl_id LIMIT 50`;
  const params = [officerId, period.from, period.to];
  return {
    note: "P1 of the officer over the period (one aggregate) and the first 50 declarations behind it with the totals, in parallel",
    run: (pool) => Promise.all([pool.query(value, params), pool.query(rows, params)]),
  };
}

// One declaration with its office and officer, then its items, events and inspections in parallel.
export function declarationBaseline(declId: string): Baseline {
  const declaration = `
    SELECT d.*, o.name AS office_name, f.full_name AS assessing_officer_name
      FROM declarations d LEFT JOIN offices o ON o.office_code = d.office_code
      LEFT JOIN officers f ON f.officer_id = d.assessing_officer_id
     WHERE d.decl_id = $1 LIMIT 1`;
  return {
    note: "the declaration with its office and officer, then its items, events and inspections in parallel",
    run: async (pool) => {
      await pool.query(declaration, [declId]);
      await Promise.all([
        pool.query(`SELECT * FROM items WHERE decl_id = $1 ORDER BY item_no`, [declId]),
        pool.query(
          `SELECT ts, action, officer_id, lane_from, lane_to FROM events WHERE decl_id = $1 ORDER BY ts, action`,
          [declId],
        ),
        pool.query(`SELECT * FROM inspections WHERE decl_id = $1 ORDER BY exam_ts`, [declId]),
      ]);
    },
  };
}
