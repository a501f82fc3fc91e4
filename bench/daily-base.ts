// Child process of bench/daily.ts, run against its base database: stores what a portal that has run until the day
// before would hold for the day's quarter and its months (KPI results of every officer, unit and office, flags) and
// the demo users and contracts with their stored indicators.
import { processKpisCompute } from "@/jobs/processors/kpis";
import { seedDemoUsers } from "@/lib/users/seed-demo-users";
import { seedDemoContracts } from "@/lib/contracts/seed-demo-contracts";
import { refreshContractIndicators } from "@/lib/contracts/refresh-contract-indicators";
import { monthOf, monthsOf, quarterPeriod } from "@/lib/kernel/calendar";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { closeQueue } from "@/lib/queue/enqueue";

const day = process.argv[2]!;
// The import's job for the quarter, as if every month of it had been touched.
const quarter = quarterPeriod(monthOf(day));
await processKpisCompute({ ...quarter, months: monthsOf(quarter), officers: null, offices: null }, async () => {});
await seedDemoContracts(await seedDemoUsers());
await refreshContractIndicators();
await pool.query("VACUUM ANALYZE");
await closeQueue();
await db.$disconnect();
await pool.end();
