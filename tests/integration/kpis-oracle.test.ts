// The product's KPI engine (lib/kpis/compute-kpis.ts) against the naive oracle (tests/support/kpi-oracle.ts) on a
// generated data set of ~20,000 declarations: for a whole quarter and a single month, per officer and per office,
// the same (subject, KPI) rows, values equal within 1e-9 relative, numerators and denominators equal.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { generateDataset } from "@/tools/generator/generate-dataset";
import { computeKpis } from "@/lib/kpis/compute-kpis";
import { clearClearanceData, tableCounts } from "@/tests/support/clearance-db";
import {
  KPI_IDS,
  computeKpisNaively,
  loadClearanceData,
  type ClearanceData,
  type KpiRow,
  type SubjectType,
} from "@/tests/support/kpi-oracle";

const DECLARATIONS = 20_000;
const SEED = 20_250_101;
// Data from January to June; the quarter has facts recorded after its as_of, the month ends with the data (open
// declarations, backlog).
const DATA_RANGE = { from: "2025-01-01", to: "2025-06-30" };
const PERIODS = [
  { name: "quarter Q1 2025", from: "2025-01-01", to: "2025-03-31" },
  { name: "month June 2025", from: "2025-06-01", to: "2025-06-30" },
  // Longer than a quarter: the items are joined to their declarations by hash (compute-kpis.ts itemsOfDeclarations).
  { name: "half-year H1 2025", from: "2025-01-01", to: "2025-06-30" },
];

const RELATIVE_TOLERANCE = 1e-9;
// Numerators that are money sums (P8 Σ taxes_final, P12 Σ adjustment_amount) must agree to the cent; every other
// numerator and every denominator is a count and must be equal.
const MONEY_NUMERATORS = new Set(["P8", "P12"]);

function closeEnough(expected: number, got: number): boolean {
  if (expected === got) return true;
  const scale = Math.max(Math.abs(expected), Math.abs(got));
  return Math.abs(expected - got) <= RELATIVE_TOLERANCE * scale || Math.abs(expected - got) < 1e-12;
}

type Difference = { key: string; field: string; oracle: unknown; engine: unknown };

function compareKpiRows(oracle: KpiRow[], engine: KpiRow[]): Difference[] {
  const keyOf = (r: KpiRow) => `${r.subjectType} ${r.subjectId} ${r.kpiId}`;
  const differences: Difference[] = [];
  const byKey = (rows: KpiRow[], side: "oracle" | "engine") => {
    const map = new Map<string, KpiRow>();
    for (const row of rows) {
      if (map.has(keyOf(row)))
        differences.push({ key: keyOf(row), field: `duplicate row (${side})`, oracle: "", engine: "" });
      map.set(keyOf(row), row);
    }
    return map;
  };
  const expected = byKey(oracle, "oracle");
  const got = byKey(engine, "engine");
  for (const [key, o] of expected) {
    const e = got.get(key);
    if (!e) {
      differences.push({ key, field: "row", oracle: "present", engine: "missing" });
      continue;
    }
    if (e.periodFrom !== o.periodFrom || e.periodTo !== o.periodTo) {
      differences.push({
        key,
        field: "period",
        oracle: `${o.periodFrom}…${o.periodTo}`,
        engine: `${e.periodFrom}…${e.periodTo}`,
      });
    }
    if (o.value === null || e.value === null ? o.value !== e.value : !closeEnough(o.value, e.value)) {
      differences.push({ key, field: "value", oracle: o.value, engine: e.value });
    }
    const numeratorEqual =
      o.numerator === null || e.numerator === null
        ? o.numerator === e.numerator
        : MONEY_NUMERATORS.has(o.kpiId)
          ? Math.round(o.numerator * 100) === Math.round(e.numerator * 100)
          : o.numerator === e.numerator;
    if (!numeratorEqual) differences.push({ key, field: "numerator", oracle: o.numerator, engine: e.numerator });
    if (o.denominator !== e.denominator) {
      differences.push({ key, field: "denominator", oracle: o.denominator, engine: e.denominator });
    }
  }
  for (const key of got.keys()) {
    if (!expected.has(key)) differences.push({ key, field: "row", oracle: "missing", engine: "present" });
  }
  return differences;
}

function describeDifferences(differences: Difference[]): string {
  const perKpi = new Map<string, number>();
  for (const d of differences) {
    const kpi = d.key.split(" ").at(-1)!;
    perKpi.set(kpi, (perKpi.get(kpi) ?? 0) + 1);
  }
  const lines = differences
    .slice(0, 20)
    .map(
      (d) =>
        `  ${d.key.padEnd(26)} ${d.field.padEnd(12)} oracle ${String(d.oracle).padEnd(24)} engine ${String(d.engine)}`,
    );
  return [
    `${differences.length} difference(s); by KPI: ${[...perKpi].map(([k, n]) => `${k} ×${n}`).join(", ")}`,
    "first 20:",
    ...lines,
  ].join("\n");
}

describe(`computeKpis against the naive oracle on ${DECLARATIONS} generated declarations`, () => {
  let outDir = "";
  let data: ClearanceData;

  beforeAll(async () => {
    await clearClearanceData();
    outDir = await mkdtemp(path.join(os.tmpdir(), "pmc-kpis-oracle-"));
    await generateDataset({ outDir, declarations: DECLARATIONS, seed: SEED, ...DATA_RANGE });
    const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: outDir });
    await runImportBatch(batchId);
    data = await loadClearanceData();
  });

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it("imported the generated data set", async () => {
    const counts = await tableCounts();
    expect(counts.declarations).toBeGreaterThanOrEqual(DECLARATIONS * 0.95);
    expect(counts.events).toBeGreaterThan(counts.declarations!);
    expect(counts.inspections).toBeGreaterThan(0);
  });

  describe.each(PERIODS)("$name", (period) => {
    it.each(["officer", "office"] as const)(
      "per %s: same rows, values, numerators and denominators",
      async (subject: SubjectType) => {
        const params = { from: period.from, to: period.to, subject };
        const expected = computeKpisNaively(data, params);
        // The comparison is only worth something if the sets are not empty: every KPI has values somewhere.
        for (const kpiId of KPI_IDS) {
          expect(
            expected.some((r) => r.kpiId === kpiId && r.value !== null),
            `oracle has a ${kpiId} value`,
          ).toBe(true);
        }
        const got = await computeKpis(params);
        const differences = compareKpiRows(expected, got);
        expect(differences.length, describeDifferences(differences)).toBe(0);
      },
    );
  });
});
