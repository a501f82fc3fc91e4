// npm run bench:import — generates 1,000,000 declarations (with items, events and inspections), imports them with
// the product's pipeline in a child process (time, rows per second per table, the share of each phase, peak RSS),
// then, in the same run, the floor: the same big CSV files loaded with plain COPY from psql into the same tables
// created without keys or indexes, then keys, indexes and ANALYZE. Reports the ratio to that floor and to COPY
// alone. Writes bench/results/import.json.
import { execFileSync } from "node:child_process";
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
const FLOOR_DATABASE = `${BENCH_DATABASE}_copy`;

// Runs a psql script in one session, timing each statement with \timing, so process start-up is not counted.
function timedScript(database: string, statements: string[]): number[] {
  const script = path.join(DATA, "floor.sql");
  fs.writeFileSync(script, ["\\timing on", ...statements].join("\n") + "\n");
  const out = execFileSync(
    "psql",
    ["-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-f", script],
    { encoding: "utf8", maxBuffer: 64 * 2 ** 20 },
  );
  const times = [...out.matchAll(/Time: ([\d.]+) ms/g)].map((m) => Number(m[1]) / 1000);
  if (times.length !== statements.length) throw new Error(`psql printed ${times.length} timings: ${out}`);
  return times;
}

// The floor, in the same run: the same big files loaded by psql \copy into the same tables created without keys,
// foreign keys or indexes (COPY alone), then the schema's primary keys, foreign key and indexes built and the
// tables analyzed, which is the least any loader that ends with the real schema must do. hs6 (derived from hs_code
// by the import) is left empty, which favours the floor.
function importWithPlainCopy(database: string) {
  const tables = BIG_FILES.map((t) => `'${t}'::regclass`).join(", ");
  const constraints = psql(
    database,
    `SELECT conrelid::regclass || '|' || conname || '|' || pg_get_constraintdef(oid) FROM pg_constraint
      WHERE conrelid IN (${tables}) AND contype IN ('p', 'f', 'u') ORDER BY contype DESC`,
  )
    .trim()
    .split("\n")
    .map((line) => line.split("|") as [string, string, string]);
  const indexes = psql(
    database,
    `SELECT indexname || '|' || indexdef FROM pg_indexes
      WHERE tablename IN (${BIG_FILES.map((t) => `'${t}'`).join(", ")})
        AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid IN (${tables}))`,
  )
    .trim()
    .split("\n")
    .map((line) => line.split("|") as [string, string]);
  // The offices the declarations' foreign key points to (their own file is a few rows, outside the timing).
  const offices = fs
    .readFileSync(path.join(DATA, "offices.csv"), "utf8")
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(",")[0]!);
  psql(
    database,
    `INSERT INTO offices (office_code, name, open_time, close_time, workdays)
     SELECT code, code, '08:00', '16:00', '{1,2,3,4,5}' FROM unnest('{${offices.join(",")}}'::text[]) AS code`,
  );
  psql(
    database,
    [
      ...constraints.map(([table, name]) => `ALTER TABLE ${table} DROP CONSTRAINT ${name}`),
      ...indexes.map(([name]) => `DROP INDEX ${name}`),
      "ALTER TABLE items ALTER COLUMN hs6 DROP NOT NULL",
      "SELECT ensure_declaration_partitions('2025-01-01', '2025-12-31')",
    ].join("; "),
  );
  const copies = BIG_FILES.map((name) => {
    const file = path.join(DATA, `${name}.csv`);
    const header = fs.readFileSync(file, "utf8").slice(0, 4096).split("\n")[0]!.trim();
    return `\\copy ${name} (${header}) FROM '${file}' WITH (FORMAT csv, HEADER true)`;
  });
  const schema = [
    ...constraints.map(([table, name, definition]) => `ALTER TABLE ${table} ADD CONSTRAINT ${name} ${definition};`),
    ...indexes.map(([, definition]) => `${definition.replace(" ON ONLY ", " ON ")};`),
    ...BIG_FILES.map((t) => `ANALYZE ${t};`),
  ];
  const times = timedScript(database, [...copies, ...schema]);
  const copySeconds = times.slice(0, copies.length).reduce((a, b) => a + b, 0);
  const schemaSeconds = times.slice(copies.length).reduce((a, b) => a + b, 0);
  return {
    copySeconds,
    keysIndexesAnalyzeSeconds: schemaSeconds,
    seconds: copySeconds + schemaSeconds,
    copyTables: Object.fromEntries(BIG_FILES.map((name, i) => [name, round(times[i]!)])),
    statements: schema.map((sql, i) => ({ sql: sql.slice(0, 100), seconds: round(times[copies.length + i]!) })),
  };
}

await ensureData();
freshDatabase(FLOOR_DATABASE);
const floor = importWithPlainCopy(FLOOR_DATABASE);
psql("postgres", `DROP DATABASE IF EXISTS ${FLOOR_DATABASE} WITH (FORCE)`);
freshDatabase(BENCH_DATABASE);
const ours = importWithPipeline(BENCH_DATABASE);
const profile = Object.fromEntries(
  Object.entries(ours.profile ?? {})
    .sort(([, a], [, b]) => b - a)
    .map(([phase, seconds]) => [phase, { seconds: round(seconds), share: round(seconds / ours.seconds, 3) }]),
);
writeResult("import", {
  benchmark: "import",
  date: new Date().toISOString(),
  machine: machine(),
  declarations: DECLARATIONS,
  totalSeconds: round(ours.seconds),
  peakRssMb: round(ours.peakRssMb),
  profile,
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
  floor: {
    note:
      "psql \\copy of declarations, items, inspections and events into the same tables without keys or indexes, " +
      "then their primary keys, foreign key and indexes built and ANALYZE, in one psql session",
    copySeconds: round(floor.copySeconds),
    keysIndexesAnalyzeSeconds: round(floor.keysIndexesAnalyzeSeconds),
    seconds: round(floor.seconds),
    copyTables: floor.copyTables,
    statements: floor.statements,
  },
  ratioToFloor: round(ours.seconds / floor.seconds),
  ratioToCopyAlone: round(ours.seconds / floor.copySeconds),
  targets: { ratioToFloor: 1.5, peakRssMb: 600 },
});
