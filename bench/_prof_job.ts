import { pool } from "@/lib/pg";
import { EVERY_SUBJECT, recomputeTouchedKpis } from "@/lib/kpis/recompute-touched";
import { recomputeFromMonths } from "@/lib/kpis/recompute-from-months";
import { detectAndStoreFlags } from "@/lib/integrity/store-flags";
import { detectFlagsWithTests } from "@/lib/integrity/detect-flags";
import { watchContractGaming } from "@/lib/integrity/gaming-watch";
import { refreshContractIndicators } from "@/lib/contracts/refresh-contract-indicators";
const time = async (label: string, f: () => Promise<unknown>) => { const t = performance.now(); await f(); console.log(label, ((performance.now() - t) / 1000).toFixed(2)); };
const Q = { from: "2025-10-01", to: "2025-12-31" };
await time("recomputeFromMonths", () => recomputeFromMonths(Q, ["2025-11", "2025-12"], EVERY_SUBJECT));
for (const p of [Q, { from: "2025-11-01", to: "2025-11-30" }, { from: "2025-12-01", to: "2025-12-31" }]) {
  await time(`  detectFlagsWithTests ${p.from}`, () => detectFlagsWithTests(p, undefined, pool, "stored"));
  await time(`  gaming ${p.from}`, () => watchContractGaming(p));
  await time(`detectAndStore ${p.from}`, () => detectAndStoreFlags(p, "stored"));
}
await time("refresh", () => refreshContractIndicators());
await pool.end();
