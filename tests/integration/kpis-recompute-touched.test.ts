// The import's recomputation (lib/kpis/recompute-touched.ts), which computes officers, units and offices together in
// one statement per KPI set and writes kpi_results in SQL, stores exactly what the catalogue engine
// (computeKpis, checked against hand-worked figures by kpis-catalogue and kpis-oracle) computes, for every subject
// and for a few touched ones, and writes nothing for the subjects it was not asked about.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { generateDataset } from "@/tools/generator/generate-dataset";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { computeKpis, type KpiRow, type KpiSubjectType } from "@/lib/kpis/compute-kpis";
import { EVERY_SUBJECT, recomputeTouchedKpis, withTheirUnits } from "@/lib/kpis/recompute-touched";
import { recomputeFromMonths } from "@/lib/kpis/recompute-from-months";
import { monthPeriod } from "@/lib/kernel/calendar";
import { closeQueue } from "@/lib/queue/enqueue";
import { clearClearanceData } from "@/tests/support/clearance-db";

const SUBJECT_TYPES: KpiSubjectType[] = ["officer", "unit", "office"];
const PERIODS = [
  { from: "2025-02-01", to: "2025-02-28" },
  { from: "2025-01-01", to: "2025-03-31" },
];

type Stored = { type: string; id: string; kpi: string; value: number | null; num: number | null; den: number | null };
const asStored = (r: KpiRow): Stored => ({
  type: r.subjectType,
  id: r.subjectId,
  kpi: r.kpiId,
  value: r.value,
  num: r.numerator,
  den: r.denominator,
});
const order = (a: Stored, b: Stored) =>
  a.type.localeCompare(b.type) || a.id.localeCompare(b.id) || a.kpi.localeCompare(b.kpi);

async function stored(period: { from: string; to: string }): Promise<Stored[]> {
  const { rows } = await pool.query<Stored>(
    `SELECT subject_type::text AS type, subject_id AS id, kpi_id AS kpi, value, numerator AS num, denominator AS den
       FROM kpi_results WHERE period_from = $1 AND period_to = $2`,
    [period.from, period.to],
  );
  return rows.sort(order);
}

function expectSame(actual: Stored[], expected: Stored[]) {
  expect(actual.map((r) => `${r.type}|${r.id}|${r.kpi}`)).toEqual(expected.map((r) => `${r.type}|${r.id}|${r.kpi}`));
  for (const [i, row] of actual.entries()) {
    const want = expected[i]!;
    for (const field of ["value", "num", "den"] as const) {
      if (want[field] === null) expect(row[field], `${row.type} ${row.id} ${row.kpi} ${field}`).toBeNull();
      else expect(row[field], `${row.type} ${row.id} ${row.kpi} ${field}`).toBeCloseTo(want[field]!, 9);
    }
  }
}

let dir: string;

beforeAll(async () => {
  await clearClearanceData();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmc-recompute-"));
  await generateDataset({ outDir: dir, declarations: 6_000, seed: 11, from: "2025-01-01", to: "2025-03-31" });
  await runImportBatch(await createImportBatch({ kind: "CANONICAL", sourcePath: dir }));
}, 300_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await closeQueue();
  await db.$disconnect();
});

describe("recomputeTouchedKpis", () => {
  it("stores for every officer, unit and office what computeKpis computes", async () => {
    for (const period of PERIODS) {
      await pool.query("DELETE FROM kpi_results");
      const written = await recomputeTouchedKpis(period, EVERY_SUBJECT);
      const expected = (await Promise.all(SUBJECT_TYPES.map((subject) => computeKpis({ ...period, subject })))).flat();
      expect(written).toBe(expected.length);
      expect(expected.some((r) => r.subjectType === "unit" && r.value !== null)).toBe(true);
      expectSame(await stored(period), expected.map(asStored).sort(order));
    }
  });

  it("writes only the cells of the officers, their units and the offices it is given", async () => {
    const period = PERIODS[0]!;
    await pool.query("DELETE FROM kpi_results");
    const { rows } = await pool.query<{ officer_id: string; office_code: string; unit: string }>(
      `SELECT officer_id, office_code, unit FROM officers ORDER BY officer_id LIMIT 2`,
    );
    const officers = rows.map((r) => r.officer_id);
    const { rows: offices } = await pool.query<{ office_code: string }>(
      `SELECT office_code FROM offices WHERE office_code <> $1 ORDER BY office_code LIMIT 1`,
      [rows[0]!.office_code],
    );
    const touched = await withTheirUnits(
      officers,
      offices.map((o) => o.office_code),
    );
    expect(touched.unit).toEqual([...new Set(rows.map((r) => `${r.office_code}/${r.unit}`))].sort());
    await recomputeTouchedKpis(period, touched);
    const expected = (
      await Promise.all(
        SUBJECT_TYPES.map((subject) => computeKpis({ ...period, subject, subjectIds: touched[subject]! })),
      )
    ).flat();
    expectSame(await stored(period), expected.map(asStored).sort(order));
  });
});

describe("recomputeFromMonths", () => {
  const quarter = PERIODS[1]!;
  const expectedOver = async (period: { from: string; to: string }) =>
    (await Promise.all(SUBJECT_TYPES.map((subject) => computeKpis({ ...period, subject })))).flat().map(asStored);
  // One officer's stored P1 cell of January.
  const januaryP1 = async () => {
    const { rows } = await pool.query<{ subject_id: string; numerator: number }>(
      `SELECT subject_id, numerator FROM kpi_results
        WHERE subject_type = 'officer' AND period_from = '2025-01-01' AND period_to = '2025-01-31' AND kpi_id = 'P1'
          AND numerator > 0 ORDER BY subject_id LIMIT 1`,
    );
    return rows[0]!;
  };
  const quarterP1 = async (officer: string) =>
    (
      await pool.query<{ numerator: number }>(
        `SELECT numerator FROM kpi_results WHERE subject_type = 'officer' AND subject_id = $1
            AND period_from = $2 AND period_to = $3 AND kpi_id = 'P1'`,
        [officer, quarter.from, quarter.to],
      )
    ).rows[0]!.numerator;

  it("stores the quarter and its months as computeKpis computes them, computing the months it lacks", async () => {
    await pool.query("DELETE FROM kpi_results");
    await recomputeFromMonths(quarter, ["2025-02"], EVERY_SUBJECT);
    for (const period of [quarter, ...["2025-01", "2025-02", "2025-03"].map(monthPeriod)]) {
      expectSame(await stored(period), (await expectedOver(period)).sort(order));
    }
  });

  it("adds up the counts of an untouched month that are up to date, and recomputes those that are not", async () => {
    const { subject_id: officer, numerator } = await januaryP1();
    const right = await quarterP1(officer);
    // Seven more same-day assessments than there were: still up to date by the rule, so taken as they are.
    await pool.query(
      `UPDATE kpi_results SET numerator = numerator + 7 WHERE subject_type = 'officer' AND subject_id = $1
          AND period_from = '2025-01-01' AND period_to = '2025-01-31' AND kpi_id = 'P1'`,
      [officer],
    );
    await recomputeFromMonths(quarter, ["2025-02"], EVERY_SUBJECT);
    expect(await quarterP1(officer)).toBe(right + 7);
    // Computed from no known import: out of date, so January is computed again and the sum is right.
    await pool.query(`UPDATE kpi_results SET last_import_id = NULL WHERE period_from = '2025-01-01'`);
    await recomputeFromMonths(quarter, ["2025-02"], EVERY_SUBJECT);
    expect((await januaryP1()).numerator).toBe(numerator);
    expect(await quarterP1(officer)).toBe(right);
    expectSame(await stored(quarter), (await expectedOver(quarter)).sort(order));
  });
  it("does not add up a touched month whose cell an older import's job overwrote meanwhile", async () => {
    const { subject_id: officer } = await januaryP1();
    const right = await quarterP1(officer);
    // Every write of this officer's February P1 is made to look like an older job's: other figures, an older import.
    await pool.query(`
      CREATE FUNCTION older_job() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.numerator := NEW.numerator + 5; NEW.last_import_id := NEW.last_import_id - 1; RETURN NEW; END $$`);
    await pool.query(
      `CREATE TRIGGER older_job BEFORE INSERT OR UPDATE ON kpi_results FOR EACH ROW
         WHEN (NEW.subject_id = '${officer}' AND NEW.period_from = '2025-02-01' AND NEW.kpi_id = 'P1')
         EXECUTE FUNCTION older_job()`,
    );
    try {
      await recomputeFromMonths(quarter, ["2025-02"], EVERY_SUBJECT);
    } finally {
      await pool.query("DROP TRIGGER older_job ON kpi_results; DROP FUNCTION older_job()");
    }
    expect(await quarterP1(officer)).toBe(right);
  });
});
