// npm run bench:import — generates 1,000,000 declarations (with items, events and inspections), imports them with
// the product's pipeline in a child process (time, rows per second per table, peak RSS), then loads the same big
// CSV files with plain COPY from psql into an identical empty schema in the same run, and reports the ratio.
// Writes bench/results/import.json.
import fs from "node:fs";
import path from "node:path";
import {
  BENCH_DATABASE,
  DATA,
  DECLARATIONS,
  ensureData,
  freshDatabase,
  importWithPipeline,
  machine,
  psql,
  round,
  writeResult,
} from "./support";

const BIG_FILES = ["declarations", "items", "inspections", "events"] as const;

// Plain COPY of the same big files into the same (empty, indexed) tables, without any checking: the floor.
function importWithPlainCopy(database: string) {
  psql(
    database,
    "ALTER TABLE items ALTER COLUMN hs6 DROP NOT NULL; ALTER TABLE declarations DROP CONSTRAINT declarations_office_code_fkey",
  );
  psql(database, "SELECT ensure_declaration_partitions('2025-01-01', '2025-12-31')");
  const tables: Record<string, { rows: number; seconds: number }> = {};
  let total = 0;
  for (const name of BIG_FILES) {
    const file = path.join(DATA, `${name}.csv`);
    const header = fs.readFileSync(file, "utf8").slice(0, 4096).split("\n")[0]!.trim();
    const started = performance.now();
    psql(database, `\\copy ${name} (${header}) FROM '${file}' WITH (FORMAT csv, HEADER true)`);
    const seconds = (performance.now() - started) / 1000;
    total += seconds;
    tables[name] = { rows: Number(psql(database, `SELECT count(*) FROM ${name}`).trim()), seconds: round(seconds) };
  }
  return { seconds: total, tables };
}

await ensureData();
freshDatabase(BENCH_DATABASE);
const ours = importWithPipeline(BENCH_DATABASE);
freshDatabase("pmc_bench_copy");
const baseline = importWithPlainCopy("pmc_bench_copy");
psql("postgres", "DROP DATABASE IF EXISTS pmc_bench_copy WITH (FORCE)");
const oursBigSeconds = BIG_FILES.reduce((s, f) => s + (ours.files[`${f}.csv`]?.seconds ?? 0), 0);
writeResult("import", {
  benchmark: "import",
  date: new Date().toISOString(),
  machine: machine(),
  declarations: DECLARATIONS,
  totalSeconds: round(ours.seconds),
  peakRssMb: round(ours.peakRssMb),
  tables: Object.fromEntries(
    Object.entries(ours.files).map(([file, c]) => [
      file.replace(".csv", ""),
      {
        rows: c.accepted,
        rejected: c.rejected,
        seconds: round(c.seconds),
        rowsPerSecond: Math.round(c.accepted / Math.max(c.seconds, 1e-3)),
      },
    ]),
  ),
  plainCopy: {
    note: "psql \\copy of declarations, items, inspections and events into the same empty indexed tables, without checks",
    seconds: round(baseline.seconds),
    tables: baseline.tables,
  },
  ratioToPlainCopy: round(oursBigSeconds / baseline.seconds),
  ratioTotalToPlainCopy: round(ours.seconds / baseline.seconds),
  targets: { totalSeconds: 90, peakRssMb: 600, ratioToPlainCopy: 1.5 },
});
