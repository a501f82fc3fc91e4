// Child process of bench/daily.ts, run against its base database: stores what a portal that has run until the day
// before would hold for the day's quarter and its months (KPI results of every officer, unit and office, flags) and
// the demo users and contracts with their stored indicators.
import { EVERY_SUBJECT } from "@/lib/kpis/recompute-touched";
import { recomputeFromMonths } from "@/lib/kpis/recompute-from-months";
import { detectAndStoreFlags } from "@/lib/integrity/store-flags";
import { seedDemoUsers } from "@/lib/users/seed-demo-users";
import { seedDemoContracts } from "@/lib/contracts/seed-demo-contracts";
import { refreshContractIndicators } from "@/lib/contracts/refresh-contract-indicators";
import { monthOf, monthPeriod, monthsOf, quarterPeriod } from "@/lib/kernel/calendar";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { closeQueue } from "@/lib/queue/enqueue";

const day = process.argv[2]!;
const quarter = quarterPeriod(monthOf(day));
const months = monthsOf(quarter);
await recomputeFromMonths(quarter, months, EVERY_SUBJECT);
for (const period of [quarter, ...months.map(monthPeriod)]) await detectAndStoreFlags(period, "stored");
await seedDemoContracts(await seedDemoUsers());
await refreshContractIndicators();
await pool.query("VACUUM ANALYZE");
await closeQueue();
await db.$disconnect();
await pool.end();
