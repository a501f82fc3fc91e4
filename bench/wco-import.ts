// npm run bench:wco-import — imports 100,000 generated WCO Data Model messages with the product's pipeline in a
// child process (messages and canonical rows per second, peak RSS) and, in the same run, loads the same
// declarations and items with plain COPY from psql (the canonical CSV files they were exported from) into an
// identical empty schema: what reading, validating and deriving the XML costs over the floor. The messages are
// made by the generator (canonical folder), imported into a source database, then written by the WCO export.
// Databases: BENCH_WCO_DATABASE (default pmc_bench_wco) and its _src and _copy siblings. Writes
// bench/results/wco-import.json.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { requireWcoSchemas } from "@/tests/support/wco-data";
import { generateDataset } from "@/tools/generator/generate-dataset";
import { ROOT, databaseUrl, freshDatabase, machine, psql, round, writeResult } from "./support";

const MESSAGES = Number(process.env.BENCH_WCO_MESSAGES ?? 100_000);
// The generator's declarations come with 5.4 messages each on average (declaration, acceptance, control, tax,
// payment, clearance…).
const DECLARATIONS = Math.ceil(MESSAGES / 5.4);
// The import's memory budget (issue #19): the peak RSS of the process that runs it.
const PEAK_RSS_BUDGET_MB = 600;
const DATABASE = process.env.BENCH_WCO_DATABASE ?? "pmc_bench_wco";
const QUEUE_PREFIX = process.env.QUEUE_PREFIX ?? "pmcbenchwco";
const DATA = path.join(ROOT, "data", `bench-wco-${MESSAGES}`);
const CANONICAL = path.join(DATA, "canonical");
const MESSAGES_DIR = path.join(DATA, "messages");
const schemas = requireWcoSchemas();

function tsx(script: string, args: string[], database: string) {
  const child = spawnSync(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--require", "./lib/runtime/allow-server-only.cjs", script, ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl(database),
        QUEUE_PREFIX,
        WCO_SCHEMA_DIR: schemas,
        LOG_LEVEL: "warn",
      },
      encoding: "utf8",
      maxBuffer: 64 * 2 ** 20,
    },
  );
  if (child.status !== 0) throw new Error(`${script} failed: ${child.stderr}`);
  return child.stdout.trim().split("\n").pop()!;
}

function countFiles(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : e.name.endsWith(".xml") ? 1 : 0), 0);
}

// The messages: generated once and kept in data/ (the canonical folder, its import, the export).
if (!fs.existsSync(path.join(DATA, "done"))) {
  fs.rmSync(DATA, { recursive: true, force: true });
  process.stderr.write(`generating ${DECLARATIONS} declarations into ${CANONICAL}\n`);
  await generateDataset({
    outDir: CANONICAL,
    declarations: DECLARATIONS,
    seed: 7,
    from: "2025-01-01",
    to: "2025-12-31",
  });
  freshDatabase(`${DATABASE}_src`);
  tsx("bench/run-import.ts", [CANONICAL], `${DATABASE}_src`);
  process.stderr.write(`exporting them as WCO messages into ${MESSAGES_DIR}\n`);
  tsx("bench/run-wco-export.ts", [MESSAGES_DIR], `${DATABASE}_src`);
  psql("postgres", `DROP DATABASE IF EXISTS ${DATABASE}_src WITH (FORCE)`);
  fs.writeFileSync(path.join(DATA, "done"), "");
}
const messages = countFiles(MESSAGES_DIR);

freshDatabase(DATABASE);
process.stderr.write(`importing ${messages} messages\n`);
const ours = JSON.parse(tsx("bench/run-wco-import.ts", [MESSAGES_DIR], DATABASE)) as {
  seconds: number;
  peakRssMb: number;
  files: Record<string, { accepted: number; rejected: number; inserted: number; seconds: number }>;
};
psql("postgres", `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);

// The floor: the same declarations and items as plain COPY of the canonical CSV files, without any checking.
freshDatabase(`${DATABASE}_copy`);
psql(
  `${DATABASE}_copy`,
  "ALTER TABLE items ALTER COLUMN hs6 DROP NOT NULL; ALTER TABLE declarations DROP CONSTRAINT declarations_office_code_fkey",
);
psql(`${DATABASE}_copy`, "SELECT ensure_declaration_partitions('2025-01-01', '2025-12-31')");
const copy: Record<string, { rows: number; seconds: number }> = {};
let copySeconds = 0;
for (const name of ["declarations", "items"]) {
  const file = path.join(CANONICAL, `${name}.csv`);
  const header = fs.readFileSync(file, "utf8").slice(0, 4096).split("\n")[0]!.trim();
  const started = performance.now();
  psql(`${DATABASE}_copy`, `\\copy ${name} (${header}) FROM '${file}' WITH (FORMAT csv, HEADER true)`);
  const seconds = (performance.now() - started) / 1000;
  copySeconds += seconds;
  copy[name] = {
    rows: Number(psql(`${DATABASE}_copy`, `SELECT count(*) FROM ${name}`).trim()),
    seconds: round(seconds),
  };
}
psql("postgres", `DROP DATABASE IF EXISTS ${DATABASE}_copy WITH (FORCE)`);

const wco = ours.files["WCO messages"]!;
const declarations = ours.files["declarations.csv"]!;
const items = ours.files["items.csv"]!;
writeResult("wco-import", {
  benchmark: "wco-import",
  date: new Date().toISOString(),
  machine: machine(),
  messages,
  messagesAccepted: wco.accepted,
  messagesRejected: wco.rejected,
  declarations: declarations.accepted,
  items: items.accepted,
  totalSeconds: round(ours.seconds),
  messagesPerSecond: Math.round(messages / ours.seconds),
  canonicalRowsPerSecond: Math.round((declarations.accepted + items.accepted) / ours.seconds),
  readValidateDeriveSeconds: round(wco.seconds),
  peakRssMb: round(ours.peakRssMb),
  tables: Object.fromEntries(
    Object.entries(ours.files)
      .filter(([file]) => file.endsWith(".csv"))
      .map(([file, c]) => [file.replace(".csv", ""), { rows: c.accepted, seconds: round(c.seconds) }]),
  ),
  plainCopy: {
    note: "psql \\copy of the same declarations and items (the canonical CSV files the messages were exported from) into the same empty indexed tables, without checks",
    seconds: round(copySeconds),
    tables: copy,
    rowsPerSecond: Math.round((copy.declarations!.rows + copy.items!.rows) / copySeconds),
  },
  ratioToPlainCopy: round(ours.seconds / copySeconds),
  targets: { peakRssMb: PEAK_RSS_BUDGET_MB },
  targetMet: { peakRssMb: ours.peakRssMb <= PEAK_RSS_BUDGET_MB },
});
