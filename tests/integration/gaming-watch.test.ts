// The GAMING watch (lib/integrity/gaming-watch.ts) through the detection run that stores flags, on declarations
// inserted here. Expected figures are worked out by hand below.
//
// Office GW, officers G (gaming) and H (honest), both under a signed contract rewarding P2 (late assessment, lower is
// better) from 2025-07-01 to 2025-12-31. Before = January–June 2025 (the six complete months before the start),
// after = July–December 2025 (the detection period).
//   G before: 200 live declarations, 20 assessed 6 days after registration (late), 6 cancelled.
//     P2 = 20/200 = 0.1; I12 = 6/206.
//   G after: 200 live, 2 late, 30 cancelled. P2 = 2/200 = 0.01; I12 = 30/230.
//     P2: pooled 22/400 = 0.055, sd √(0.055·0.945·2/200) = 0.022798, z = −0.09/0.022798 = −3.948 → improved by 3.948.
//     I12: pooled 36/436 = 0.082569, sd √(0.082569·0.917431·(1/206 + 1/230)) = 0.026402,
//          z = (0.130435 − 0.029126)/0.026402 = 3.837 → worsened by 3.837 ≥ 3.09: flagged, score 3.837.
//     P3 (backlog): 0 before and after, no spread: no test, no flag.
//   H before and after: 200 live, 20 late, 6 cancelled each time: no change, no flag.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import type { Actor } from "@/lib/auth/session-user";
import { createContract } from "@/lib/contracts/create-contract";
import { signContract } from "@/lib/contracts/sign-contract";
import { detectAndStoreFlags } from "@/lib/integrity/store-flags";
import { contractGamingFlags } from "@/lib/integrity/contract-gaming-flags";

const run = randomUUID().slice(0, 5).toUpperCase();
const OFFICE = `GW${run}`;
const G = `G${run}`;
const H = `H${run}`;
const H2 = { from: "2025-07-01", to: "2025-12-31" };
const actors = {} as Record<"manager" | "otherManager" | "officer", Actor>;
const contractIds: Record<string, number> = {};

async function insert(officer: string, half: 1 | 2, live: number, late: number, cancelled: number) {
  const start = half === 1 ? "2025-01-02 09:00" : "2025-07-01 09:00";
  await pool.query(
    `INSERT INTO declarations (decl_id, office_code, flow, reg_ts, lane_initial, lane_final, assignment_mode,
                               assessing_officer_id, asmt_ts, status)
     SELECT $1::text || '-' || $2::int || '-' || i, $3::text, 'I'::"Flow", r, 'G'::"Lane", 'G'::"Lane",
            'auto'::"AssignmentMode", $1::text,
            CASE WHEN i >= $4::int THEN NULL WHEN i < $5::int THEN r + interval '6 days' ELSE r + interval '2 hours' END,
            (CASE WHEN i >= $4::int THEN 'cancelled' ELSE 'assessed' END)::"DeclarationStatus"
       FROM generate_series(0, $4::int + $6::int - 1) AS i,
            LATERAL (SELECT $7::timestamp + (i % 170) * interval '1 day' AS r) t`,
    [officer, half, OFFICE, live, late, cancelled, start],
  );
}

beforeAll(async () => {
  await db.office.create({
    data: { officeCode: OFFICE, name: OFFICE, openTime: "08:00", closeTime: "16:00", workdays: [1, 2, 3, 4, 5] },
  });
  await db.office.create({
    data: { officeCode: `O${run}`, name: "other", openTime: "08:00", closeTime: "16:00", workdays: [1, 2, 3, 4, 5] },
  });
  await db.officer.createMany({
    data: [G, H].map((officerId) => ({ officerId, fullName: officerId, officeCode: OFFICE, unit: "U" })),
  });
  for (const [key, role, officeCode, officerId] of [
    ["manager", "MANAGER", OFFICE, null],
    ["otherManager", "MANAGER", `O${run}`, null],
    ["officer", "OFFICER", OFFICE, G],
  ] as const) {
    const row = await db.user.create({
      data: { email: `${key}-${run}@test.local`, name: key, role, officeCode, officerId, passwordHash: "unused" },
    });
    actors[key] = { id: row.id, role, officeCode, officerId };
  }
  await pool.query(`SELECT ensure_declaration_partitions('2025-01-01', '2025-12-31')`);
  await insert(G, 1, 200, 20, 6);
  await insert(G, 2, 200, 2, 30);
  await insert(H, 1, 200, 20, 6);
  await insert(H, 2, 200, 20, 6);
  for (const officer of [G, H]) {
    const { id } = await createContract(
      {
        title: "Timely assessment",
        partyType: "OFFICER",
        partyOfficerId: officer,
        officeCode: OFFICE,
        periodFrom: H2.from,
        periodTo: H2.to,
        indicators: [{ kpiId: "P2", threshold: 0.1, target: 0.05, weight: 100, minVolume: 30 }],
      },
      actors.manager,
    );
    await signContract(id, actors.manager);
    contractIds[officer] = id;
  }
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const gamingFlags = () =>
  db.flag.findMany({ where: { method: "GAMING", subjectId: { in: [G, H] } }, orderBy: { id: "asc" } });

describe("gaming watch", () => {
  it("flags the officer whose rewarded P2 improved while I12 worsened, and no one else", async () => {
    await detectAndStoreFlags(H2);
    const flags = await gamingFlags();
    expect(flags.map((f) => [f.subjectId, f.kpiId, f.relatedId, f.officeCode, f.active])).toEqual([
      [G, "P2", "I12", OFFICE, true],
    ]);
    const stats = flags[0]!.stats as Record<string, number | string>;
    expect(flags[0]!.score).toBeCloseTo(3.837, 2);
    expect(stats.zRewarded as number).toBeCloseTo(3.948, 2);
    expect(stats).toMatchObject({
      contractId: contractIds[G],
      beforeFrom: "2025-01-01",
      beforeTo: "2025-06-30",
      afterFrom: "2025-07-01",
      afterTo: "2025-12-31",
      rewardedBefore: 0.1,
      rewardedAfter: 0.01,
      nRewardedBefore: 200,
      nRewardedAfter: 200,
      guardBefore: 6 / 206,
      guardAfter: 30 / 230,
    });
    expect(flags[0]!.n).toBe(200);
  });

  it("keeps the windows' values as the officer's KPI cells, for the next run and the contract's pages", async () => {
    const { rows } = await pool.query(
      `SELECT to_char(period_from, 'YYYY-MM-DD') AS "from", to_char(period_to, 'YYYY-MM-DD') AS "to", kpi_id,
              numerator, denominator
         FROM kpi_results WHERE subject_type = 'officer' AND subject_id = $1 AND kpi_id IN ('P2', 'I12')
        ORDER BY 1, 3`,
      [G],
    );
    expect(rows).toEqual([
      { from: "2025-01-01", to: "2025-06-30", kpi_id: "I12", numerator: 6, denominator: 206 },
      { from: "2025-01-01", to: "2025-06-30", kpi_id: "P2", numerator: 20, denominator: 200 },
      { from: "2025-07-01", to: "2025-12-31", kpi_id: "I12", numerator: 30, denominator: 230 },
      { from: "2025-07-01", to: "2025-12-31", kpi_id: "P2", numerator: 2, denominator: 200 },
    ]);
  });

  it("keeps the flag, once, when detection runs again", async () => {
    await detectAndStoreFlags(H2);
    expect((await gamingFlags()).map((f) => [f.subjectId, f.active])).toEqual([[G, true]]);
  });

  it("shows the flag to the contract's manager, never to its officer or another office's manager", async () => {
    const id = contractIds[G]!;
    expect((await contractGamingFlags(id, actors.manager)).map((f) => [f.kpiId, f.guard])).toEqual([["P2", "I12"]]);
    expect(await contractGamingFlags(id, actors.officer)).toEqual([]);
    expect(await contractGamingFlags(id, actors.otherManager)).toEqual([]);
    expect(await contractGamingFlags(contractIds[H]!, actors.manager)).toEqual([]);
  });
});
