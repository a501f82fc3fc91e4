// "Who looked at my figures": a manager's view of an officer's drill-down is in that officer's list (at once, from
// Redis, and after the job moved it to PostgreSQL, once), not in a colleague's; an officer cannot even send a view
// of a colleague's figures; the officer's own views are not recorded; recording writes nothing to PostgreSQL.
import crypto from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { redis } from "@/lib/redis";
import type { SessionUser } from "@/lib/auth/session-user";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { recordBeaconView } from "@/lib/view-log/record-beacon-view";
import { flushViewLog } from "@/lib/view-log/flush-view-log";
import { listViewsOfOfficer, searchViews } from "@/lib/view-log/list-views";
import { viewStreamKey } from "@/lib/view-log/view-events";
import { clearClearanceData } from "@/tests/support/clearance-db";

const run = crypto.randomBytes(3).toString("hex");
const user = (
  role: SessionUser["role"],
  officeCode: string | null,
  officerId: string | null,
  name: string,
): SessionUser => ({
  id: `${name}-${run}`,
  email: `${name}-${run}@test.local`,
  name,
  role,
  officeCode,
  officerId,
  locale: "en",
});

describe("view log", () => {
  let office = "";
  let officerA = "";
  let officerB = "";
  beforeAll(async () => {
    await clearClearanceData();
    await pool.query("DELETE FROM view_log");
    await redis.del(viewStreamKey());
    await runImportBatch(
      await createImportBatch({ kind: "CANONICAL", sourcePath: path.resolve("tests/fixtures/canonical-small") }),
    );
    const { rows } = await pool.query<{ officer_id: string; office_code: string }>(
      `SELECT officer_id, office_code FROM officers o
        WHERE (SELECT count(*) FROM officers p WHERE p.office_code = o.office_code) >= 2 ORDER BY officer_id LIMIT 2`,
    );
    [officerA, officerB] = rows.map((r) => r.officer_id) as [string, string];
    office = rows[0]!.office_code;
  });
  afterAll(async () => {
    await db.$disconnect();
    redis.disconnect();
  });

  it("shows the manager's view of an officer's figures to that officer only, before and after the job stores it", async () => {
    const manager = user("MANAGER", office, null, "Manager");
    const source = `/explore/kpi?kpi=P1&type=officer&id=${officerA}&from=2025-03-01&to=2025-03-31`;
    const stored = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM view_log`)).rows[0]!.n;
    const { rows: before } = await pool.query<{ n: string }>(
      `SELECT n_tup_ins::text AS n FROM pg_stat_user_tables WHERE relname = 'view_log'`,
    );
    await recordBeaconView(manager, { officerId: officerA, what: "drilldown", source });
    // Nothing written to PostgreSQL by the view itself: it waits in Redis.
    expect((await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM view_log`)).rows[0]!.n).toBe(stored);
    expect(await redis.xlen(viewStreamKey())).toBe(1);
    const { rows: after } = await pool.query<{ n: string }>(
      `SELECT n_tup_ins::text AS n FROM pg_stat_user_tables WHERE relname = 'view_log'`,
    );
    expect(after).toEqual(before);

    const expected = {
      officerId: officerA,
      what: "drilldown",
      source,
      viewerLabel: `Manager <${manager.email}>`,
      viaToken: false,
    };
    expect(await listViewsOfOfficer(officerA)).toEqual([{ ...expected, at: expect.any(String) as string }]);
    expect(await listViewsOfOfficer(officerB)).toEqual([]);

    expect(await flushViewLog()).toBe(1);
    expect(await redis.xlen(viewStreamKey())).toBe(0);
    expect(await flushViewLog()).toBe(0);
    expect(await listViewsOfOfficer(officerA)).toEqual([{ ...expected, at: expect.any(String) as string }]);
    const { rows } = await pool.query(`SELECT officer_id, what, viewer_user_id FROM view_log`);
    expect(rows).toEqual([{ officer_id: officerA, what: "drilldown", viewer_user_id: manager.id }]);
    expect(await searchViews({ viewer: "manager", what: "drilldown" })).toHaveLength(1);
    expect(await searchViews({ viewer: "nobody" })).toHaveLength(0);
  });

  it("refuses an officer's view of a colleague's figures, and does not record an officer's own", async () => {
    const colleague = user("OFFICER", null, officerB, "Colleague");
    await expect(
      recordBeaconView(colleague, { officerId: officerA, what: "drilldown", source: "/explore/kpi" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const self = user("OFFICER", null, officerA, "Self");
    await recordBeaconView(self, { officerId: officerA, what: "drilldown", source: "/explore/kpi" });
    expect(await redis.xlen(viewStreamKey())).toBe(0);
    // A manager of another office may not see this officer either.
    const elsewhere = user("MANAGER", "NOWHERE", null, "Elsewhere");
    await expect(
      recordBeaconView(elsewhere, { officerId: officerA, what: "contract", source: "/contracts/1" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listViewsOfOfficer(officerA)).map((v) => v.viewerLabel)).toEqual([
      `Manager <Manager-${run}@test.local>`,
    ]);
  });
});
