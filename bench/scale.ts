// npm run bench:scale — how the daily path and the KPI catalogue grow with the database: bench:daily and bench:kpis
// (its catalogue, without the TRS and mirror tables) run by this script on 1 M declarations generated over 2025 and
// on 5 M generated over 2025–2029. The yearly volume is the same, so the day imported (the busiest of the last ten
// days of 2025) and the quarter computed (2025-Q2) hold about as many rows at both sizes: what grows is only the
// rest of the database. Each figure keeps its plain-SQL baseline of the same run (the day's \copy; the catalogue's
// floor and the hand-written P1 + P4 + I1), and the growth from the smallest size is given for both.
//
// SCALE_SIZES lists the sizes as declarations:last year (default "1000000:2025,5000000:2029"); the first size
// uses the bench database itself (PMC_BENCH_DATABASE), the others get `<that name>_<N>m`. `-- --only N` measures
// size N alone and reports every size from its latest result (bench/results/scale/), each with its date.
// Writes bench/results/scale.json.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BENCH_DATABASE, BENCH_QUEUE_PREFIX, ROOT, databaseUrl, machine, round, writeResult } from "./support";

type Size = { declarations: number; toYear: string };
type Daily = {
  date: string;
  day: string;
  rows: Record<string, number>;
  importSeconds: number;
  recomputeSeconds: number;
  endToEndToDailyJobsSeconds: number;
  jobsByName: Record<string, { jobs: number; seconds: number }>;
  floor: { seconds: number };
  ratioEndToEndToFloor: number;
};
type Kpis = {
  date: string;
  totalSeconds: number;
  floor: { seconds: number };
  ratioTotalToFloor: number;
  secondsPerKpi: Record<string, number>;
  p1p4i1: { engineSeconds: number; handWrittenSeconds: number; ratio: number };
};

const SIZES: Size[] = (process.env.SCALE_SIZES ?? "1000000:2025,5000000:2029").split(",").map((entry) => {
  const [declarations, toYear] = entry.split(":");
  return { declarations: Number(declarations), toYear: toYear ?? "2025" };
});
const onlyAt = process.argv.indexOf("--only");
const ONLY = onlyAt > 0 ? Number(process.argv[onlyAt + 1]) : null;
const RUNS_DIR = path.join(ROOT, "bench/results/scale");

const databaseOf = (size: Size, index: number) =>
  index === 0 ? BENCH_DATABASE : `${BENCH_DATABASE}_${round(size.declarations / 1e6, 1)}m`.replace(".", "_");
const resultFile = (name: string, size: Size) => path.join(RUNS_DIR, `${name}-${size.declarations}.json`);

function run(script: string, size: Size, index: number, args: string[] = []) {
  const database = databaseOf(size, index);
  process.stderr.write(`bench:scale: ${script} on ${size.declarations} declarations (${database})\n`);
  const child = spawnSync(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--require", "./lib/runtime/allow-server-only.cjs", script, ...args],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        BENCH_DECLARATIONS: String(size.declarations),
        BENCH_TO_YEAR: size.toYear,
        BENCH_RESULTS_DIR: RUNS_DIR,
        PMC_BENCH_DATABASE: database,
        PMC_BENCH_QUEUE_PREFIX: `${BENCH_QUEUE_PREFIX}${index}`,
        DATABASE_URL: databaseUrl(database),
      },
    },
  );
  if (child.status !== 0) throw new Error(`${script} failed on ${size.declarations} declarations`);
}

fs.mkdirSync(RUNS_DIR, { recursive: true });
SIZES.forEach((size, index) => {
  if (ONLY !== null && size.declarations !== ONLY) return;
  // The catalogue first: bench:daily's base is copied from the same database and doubles the disk it takes.
  run("bench/kpis.ts", size, index, ["--catalogue-only"]);
  fs.renameSync(path.join(RUNS_DIR, "kpis.json"), resultFile("kpis", size));
  run("bench/daily.ts", size, index);
  fs.renameSync(path.join(RUNS_DIR, "daily.json"), resultFile("daily", size));
});

const read = <T>(name: string, size: Size): T | null =>
  fs.existsSync(resultFile(name, size)) ? (JSON.parse(fs.readFileSync(resultFile(name, size), "utf8")) as T) : null;

const measured = SIZES.map((size) => ({ size, daily: read<Daily>("daily", size), kpis: read<Kpis>("kpis", size) }));
const first = measured[0]!;
const growth = (value: number | undefined, base: number | undefined) =>
  value === undefined || base === undefined ? null : round(value / base);

const sizes = measured.map(({ size, daily, kpis }) => ({
  declarations: size.declarations,
  dataPeriod: { from: "2025-01-01", to: `${size.toYear}-12-31` },
  daily: daily && {
    measuredAt: daily.date,
    day: daily.day,
    rows: daily.rows,
    importSeconds: daily.importSeconds,
    recomputeSeconds: daily.recomputeSeconds,
    endToEndSeconds: daily.endToEndToDailyJobsSeconds,
    jobsByName: daily.jobsByName,
    floorSeconds: daily.floor.seconds,
    ratioToFloor: daily.ratioEndToEndToFloor,
    growthFromFirst: {
      endToEnd: growth(daily.endToEndToDailyJobsSeconds, first.daily?.endToEndToDailyJobsSeconds),
      import: growth(daily.importSeconds, first.daily?.importSeconds),
      recompute: growth(daily.recomputeSeconds, first.daily?.recomputeSeconds),
      floor: growth(daily.floor.seconds, first.daily?.floor.seconds),
    },
  },
  kpis: kpis && {
    measuredAt: kpis.date,
    totalSeconds: kpis.totalSeconds,
    floorSeconds: kpis.floor.seconds,
    ratioToFloor: kpis.ratioTotalToFloor,
    slowestKpis: Object.fromEntries(
      Object.entries(kpis.secondsPerKpi)
        .sort(([, a], [, b]) => b - a)
        .slice(0, 4),
    ),
    p1p4i1: kpis.p1p4i1,
    growthFromFirst: {
      total: growth(kpis.totalSeconds, first.kpis?.totalSeconds),
      floor: growth(kpis.floor.seconds, first.kpis?.floor.seconds),
      p1p4i1Engine: growth(kpis.p1p4i1.engineSeconds, first.kpis?.p1p4i1.engineSeconds),
      p1p4i1HandWritten: growth(kpis.p1p4i1.handWrittenSeconds, first.kpis?.p1p4i1.handWrittenSeconds),
    },
  },
}));

writeResult("scale", {
  benchmark: "scale",
  date: new Date().toISOString(),
  machine: machine(),
  note:
    "bench:daily and bench:kpis --catalogue-only at each size, each beside its plain-SQL baseline of the same run; " +
    "the same yearly volume at every size, so the day and the quarter are alike and only the database grows",
  sizes,
  targets: { dailyEndToEndSeconds: 5 },
});
