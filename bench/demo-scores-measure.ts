// Child of bench/demo-scores.ts, run against the demo-scores database: seeds the demo users and contracts, brings
// their stored indicators up to date as the worker's job does, and reports the overview's figures for 2025-12.
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { closeQueue } from "@/lib/queue/enqueue";
import { seedDemoUsers } from "@/lib/users/seed-demo-users";
import { seedDemoContracts } from "@/lib/contracts/seed-demo-contracts";
import { refreshContractIndicators } from "@/lib/contracts/refresh-contract-indicators";
import { overviewRows } from "@/lib/dashboard/contract-overview";
import { quartiles } from "@/lib/dashboard/distribution";

const MONTH = "2025-12";
const dir = process.argv[2]!;
const started = performance.now();
const users = await seedDemoUsers();
const contracts = await seedDemoContracts(users);
await refreshContractIndicators();
const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
const actor = { id: admin.id, role: admin.role, officeCode: null, officerId: null };
const { rows } = await overviewRows(actor, { office: "", unit: "", sort: "party", month: MONTH });
const scores = rows.flatMap((r) => (r.monthScore === null ? [] : [r.monthScore]));
const q = quartiles(scores);
const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
  patterns: { type: string; subjects: { officerId?: string }[] }[];
};
const planted = (type: string) =>
  manifest.patterns.filter((p) => p.type === type).flatMap((p) => p.subjects.map((s) => s.officerId));
const scoreOf = (officerId: string | undefined) =>
  rows.find((r) => r.party.officerId === officerId)?.monthScore ?? null;

let gaming: unknown = "GAMING watch not available";
try {
  const { watchContractGaming } = await import("@/lib/integrity/gaming-watch");
  const flags = await watchContractGaming({ from: "2025-07-01", to: "2025-12-31" });
  gaming = {
    planted: planted("CONTRACT_GAMING"),
    flagged: flags.map((f) => ({ officer: f.subjectId, kpi: f.kpiId, score: f.score, stats: f.stats })),
  };
} catch (error) {
  gaming = `GAMING watch failed: ${String(error)}`;
}

process.stdout.write(
  JSON.stringify({
    month: MONTH,
    contracts: contracts.contracts,
    scored: scores.length,
    median: q?.median ?? null,
    q1: q?.q1 ?? null,
    q3: q?.q3 ?? null,
    iqr: q ? q.q3 - q.q1 : null,
    min: scores.length ? Math.min(...scores) : null,
    max: scores.length ? Math.max(...scores) : null,
    plantedOfficersScores: Object.fromEntries(
      [
        "LANE_DOWNGRADER",
        "SLOW_OFFICER",
        "OFF_HOURS_OFFICER",
        "FAST_RED_ASSESSOR",
        "COLLUSIVE_BROKER_OFFICER_PAIR",
        "CONTRACT_GAMING",
      ].map((type) => [type, planted(type).map((id) => ({ officer: id, score: scoreOf(id) }))]),
    ),
    gaming,
    seconds: (performance.now() - started) / 1000,
  }) + "\n",
);
await closeQueue();
await db.$disconnect();
await pool.end();
