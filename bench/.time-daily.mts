import { detectAndStoreFlags } from "@/lib/integrity/store-flags";
import { pool } from "@/lib/pg";
import pg from "pg";
const orig = pg.Client.prototype.query;
// @ts-expect-error ad hoc
pg.Client.prototype.query = function (...args: any[]) {
  const t = performance.now();
  const text = typeof args[0] === "string" ? args[0] : args[0]?.text;
  const r = orig.apply(this, args as never) as any;
  if (r && typeof r.then === "function")
    r.then(() => {
      const ms = performance.now() - t;
      if (ms > 100) console.log((ms / 1000).toFixed(2), "s", String(text).replace(/\s+/g, " ").slice(0, 160));
    }, () => {});
  return r;
};
const p = { from: "2025-10-01", to: "2025-12-31" };
const t = performance.now();
await detectAndStoreFlags(p, "stored");
console.log("detect quarter", ((performance.now() - t) / 1000).toFixed(1));
await pool.end();
process.exit(0);
