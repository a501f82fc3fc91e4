// The analytics pool (lib/pg.ts) runs its sessions without PostgreSQL's JIT compilation, which cost the KPI sets and
// detection more than it saved (docs/scaling.md). Every connection of the pool must have it off, not only the first.
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/pg";

describe("analytics pool", () => {
  it("runs every session with JIT off", async () => {
    const clients = await Promise.all([pool.connect(), pool.connect(), pool.connect()]);
    try {
      const settings = await Promise.all(clients.map((c) => c.query<{ jit: string }>("SHOW jit")));
      expect(settings.map((r) => r.rows[0]!.jit)).toEqual(["off", "off", "off"]);
    } finally {
      for (const c of clients) c.release();
    }
  });
});
