import { pool } from "@/lib/pg";
import fs from "node:fs";
const src = fs.readFileSync("lib/integrity/flag-stakes.ts", "utf8");
const { updateRevenueAtStake } = await import("@/lib/integrity/flag-stakes");
const client = await pool.connect();
const orig = client.query.bind(client);
// @ts-expect-error ad hoc
client.query = (text: string, params: unknown[]) => orig("EXPLAIN (ANALYZE, BUFFERS off, COSTS off) " + text, params).then((r: any) => { console.log(r.rows.map((x: any) => x["QUERY PLAN"]).join("\n")); return r; });
await orig("BEGIN");
await updateRevenueAtStake(client as never, { from: "2025-10-01", to: "2025-12-31" });
await orig("ROLLBACK");
client.release();
await pool.end();
