// The work queue's grouping, window, false discovery rate families, ordering and capacity line, on flags made by
// hand (the priorities themselves are tested in triage-priority.test.ts).
import { describe, expect, it } from "vitest";
import {
  detectionPeriods,
  familyKey,
  inWindow,
  monthsInWindow,
  rankSubjects,
  type CandidateFlag,
} from "@/lib/integrity/rank-subjects";

const Q1 = { from: "2025-01-01", to: "2025-03-31" };
let nextId = 1;
const flag = (over: Partial<CandidateFlag>): CandidateFlag => ({
  id: nextId++,
  queued: true,
  method: "RATE_OUTLIER",
  kpiId: "I1",
  subjectType: "officer",
  subjectId: "X1",
  relatedId: "",
  periodFrom: Q1.from,
  periodTo: Q1.to,
  score: 10,
  n: 100,
  stats: {},
  officeCode: "OA",
  revenueAtStake: 0,
  parties: null,
  ...over,
});

const FLAGS: CandidateFlag[] = [
  // X1: an I1 outlier over the quarter and in January.
  flag({ subjectId: "X1", score: 12 }),
  flag({ subjectId: "X1", score: 6, periodFrom: "2025-01-01", periodTo: "2025-01-31" }),
  // A pair: broker BR1 with officer X2 (p from its counts: P(X ≥ 30; 40, 0.1), far below 1e-15).
  flag({
    method: "BROKER_OFFICER_PAIR",
    kpiId: "",
    subjectType: "broker",
    subjectId: "BR1",
    relatedId: "X2",
    score: 7.5,
    n: 30,
    stats: { N: 400, n_b: 40, n_o: 40, n_bo: 30, officeCode: "OA" },
  }),
  // Two undervalued items of declarations D1 (broker BR1, importer IM1) and D2 (no broker, importer IM1), and D3
  // with neither.
  flag({
    method: "UNIT_VALUE",
    kpiId: "",
    subjectType: "declaration",
    subjectId: "D1",
    relatedId: "1",
    score: 4,
    parties: { brokerId: "BR1", importerId: "IM1" },
  }),
  flag({
    method: "UNIT_VALUE",
    kpiId: "",
    subjectType: "declaration",
    subjectId: "D2",
    relatedId: "1",
    score: 4.2,
    parties: { brokerId: null, importerId: "IM1" },
  }),
  flag({ method: "UNIT_VALUE", kpiId: "", subjectType: "declaration", subjectId: "D3", relatedId: "2", score: 3.9 }),
  // Outside the window's periods: half a month, and April.
  flag({ subjectId: "X9", periodFrom: "2025-01-01", periodTo: "2025-01-15" }),
  flag({ subjectId: "X9", periodFrom: "2025-04-01", periodTo: "2025-04-30" }),
];

describe("work queue", () => {
  it("knows the window's months and detection periods", () => {
    expect(monthsInWindow(Q1)).toBe(3);
    expect(monthsInWindow({ from: "2025-01-10", to: "2025-02-20" })).toBe(1);
    expect(monthsInWindow({ from: "2025-01-01", to: "2025-12-31" })).toBe(12);
    expect(detectionPeriods(Q1)).toEqual([
      Q1,
      { from: "2025-01-01", to: "2025-01-31" },
      { from: "2025-02-01", to: "2025-02-28" },
      { from: "2025-03-01", to: "2025-03-31" },
    ]);
    expect(detectionPeriods({ from: "2025-02-01", to: "2025-02-28" })).toEqual([
      { from: "2025-02-01", to: "2025-02-28" },
    ]);
    expect(inWindow({ from: "2025-01-01", to: "2025-01-15" }, Q1)).toBe(false);
  });

  it("groups flags under the people behind them", () => {
    const q = rankSubjects(FLAGS, Q1, { tests: new Map(), capacityPerMonth: 20 });
    const row = (type: string, id: string) => q.rows.find((r) => r.subjectType === type && r.subjectId === id);
    const ids = (type: string, id: string) => row(type, id)?.flagIds;
    expect(ids("officer", "X1")).toEqual([1, 2]);
    // The pair stands behind its broker and its officer, each naming the other.
    expect(ids("broker", "BR1")).toEqual([3, 4]);
    expect(row("broker", "BR1")?.pairedWith).toEqual(["X2"]);
    expect(ids("officer", "X2")).toEqual([3]);
    expect(row("officer", "X2")?.pairedWith).toEqual(["BR1"]);
    // A declaration's item stands behind its broker and its importer; with neither, behind the declaration.
    expect(ids("importer", "IM1")).toEqual([4, 5]);
    expect(ids("declaration", "D3")).toEqual([6]);
    expect(row("declaration", "D1")).toBeUndefined();
    // Flags of periods that are neither the window nor one of its months stay out.
    expect(row("officer", "X9")).toBeUndefined();
    expect(q.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(row("broker", "BR1")?.methods).toEqual(["BROKER_OFFICER_PAIR", "UNIT_VALUE"]);
    expect(row("officer", "X1")).toMatchObject({ firstPeriod: "2025-01-01", lastPeriod: "2025-03-31" });
  });

  it("runs Benjamini–Hochberg per method and period with the method's number of tests", () => {
    // UNIT_VALUE over Q1: p = Q(4) = 3.17e-5, Q(4.2) = 1.33e-5, Q(3.9) = 4.81e-5.
    // With m = 3 every one survives; with m = 1000 the limits are 5e-5, 1e-4, 1.5e-4 for k = 1, 2, 3: the largest,
    // 4.81e-5 ≤ 1.5e-4, so all three still survive; with m = 10,000 (5e-6, 1e-5, 1.5e-5) none does.
    const family = familyKey("UNIT_VALUE", Q1);
    const survivors = (m: number) =>
      rankSubjects(FLAGS, Q1, { tests: new Map([[family, m]]), capacityPerMonth: 20 })
        .flags.filter((f) => f.method === "UNIT_VALUE")
        .map((f) => f.survives);
    expect(survivors(3)).toEqual([true, true, true]);
    expect(survivors(1000)).toEqual([true, true, true]);
    expect(survivors(10_000)).toEqual([false, false, false]);
    // The subjects left with no survivor drop below every subject with one.
    const q = rankSubjects(FLAGS, Q1, { tests: new Map([[family, 10_000]]), capacityPerMonth: 20 });
    expect(q.rows.slice(-2).map((r) => [r.subjectId, r.tier])).toEqual([
      ["IM1", 0],
      ["D3", 0],
    ]);
    expect(q.rows[0]!.priority).toBeGreaterThan(50);
    expect(q.rows.find((r) => r.subjectId === "BR1")).toMatchObject({ tier: 1, survivingFlags: 1 });
  });

  it("counts flags outside the viewer's queue in the false discovery rate control, but groups only queued ones", () => {
    // Two UNIT_VALUE flags of m = 1000: alone, p = 4.81e-5 (score 3.9) needs ≤ 5e-5 (k = 1) and survives. Beside a
    // dismissed flag with p = 3.17e-5 it is k = 2 (limit 1e-4) and still survives; what changes is that a dismissed
    // flag never makes a row.
    const family = familyKey("UNIT_VALUE", Q1);
    const queued = flag({ method: "UNIT_VALUE", subjectType: "declaration", subjectId: "D8", score: 3.9 });
    const dismissed = {
      ...flag({ method: "UNIT_VALUE", subjectType: "declaration", subjectId: "D9", score: 4 }),
      queued: false,
    };
    const q = rankSubjects([queued, dismissed], Q1, { tests: new Map([[family, 1000]]), capacityPerMonth: 20 });
    expect(q.rows.map((r) => r.subjectId)).toEqual(["D8"]);
    expect(q.flags.map((f) => [f.subjectId, f.survives])).toEqual([["D8", true]]);
    // With m = 2000 alone it would not survive (4.81e-5 > 2.5e-5), and the dismissed one still does not help it
    // enough: limits 2.5e-5, 5e-5 for k = 1, 2: k = 2 holds (4.81e-5 ≤ 5e-5), so both survive together.
    const alone = rankSubjects([queued], Q1, { tests: new Map([[family, 2000]]), capacityPerMonth: 20 });
    expect(alone.flags[0]!.survives).toBe(false);
    const together = rankSubjects([queued, dismissed], Q1, { tests: new Map([[family, 2000]]), capacityPerMonth: 20 });
    expect(together.flags[0]!.survives).toBe(true);
  });

  it("weighs a declaration's flag, for its broker or importer, by how concentrated such flags are among theirs", () => {
    // Q1 has 1000 declarations and 3 flagged ones (D1 of BR1 and IM1, D2 of IM1, D3): p = 0.003.
    // BR1 has 1 flagged of its 500: P(X ≥ 1; 500, 0.003) = 1 − 0.997^500 = 0.777 (no evidence against BR1).
    // IM1 has 2 flagged of its 4: P(X ≥ 2; 4, 0.003) = 1 − 0.997^4 − 4 × 0.003 × 0.997^3 = 5.37e-5.
    const volumes = new Map([
      [
        "2025-01-01|2025-03-31",
        {
          declarations: 1000,
          bySubject: new Map([
            ["broker:BR1", 500],
            ["importer:IM1", 4],
          ]),
        },
      ],
    ]);
    const q = rankSubjects(FLAGS, Q1, { tests: new Map(), volumes, capacityPerMonth: 20 });
    const evidence = (type: string, id: string) =>
      q.rows.find((r) => r.subjectType === type && r.subjectId === id)!.evidence.UNIT_VALUE!;
    expect(evidence("broker", "BR1")).toBeCloseTo(-Math.log10(1 - 0.997 ** 500), 9);
    expect(evidence("importer", "IM1")).toBeCloseTo(-Math.log10(1 - 0.997 ** 4 - 4 * 0.003 * 0.997 ** 3), 6);
    // The flags themselves keep their own p-value and survival.
    expect(q.flags.find((f) => f.subjectId === "D1")!.log10P).toBeCloseTo(Math.log10(3.167124e-5), 4);
    // Without volumes a rolled-up flag counts at its own p-value.
    const plain = rankSubjects(FLAGS, Q1, { tests: new Map(), capacityPerMonth: 20 });
    expect(plain.rows.find((r) => r.subjectId === "IM1")!.evidence.UNIT_VALUE).toBeCloseTo(-Math.log10(1.334575e-5), 4);
  });

  it("counts a method seen in one month only for that month's share of the window", () => {
    const once = flag({
      method: "VALUE_OUTLIER",
      subjectId: "X5",
      score: 9,
      periodFrom: "2025-06-01",
      periodTo: "2025-06-30",
    });
    const q = rankSubjects(
      [once],
      { from: "2025-04-01", to: "2025-06-30" },
      { tests: new Map(), capacityPerMonth: 20 },
    );
    expect(q.rows[0]!.coverage).toEqual({ VALUE_OUTLIER: 1 / 3 });
    expect(q.rows[0]!.recurrence).toBeCloseTo(1 / 3, 12);
  });

  it("marks the rows within capacity × months and sums the money they carry once per flag", () => {
    const withMoney = FLAGS.map((f) => ({ ...f, revenueAtStake: f.id * 100 }));
    const q = rankSubjects(withMoney, Q1, { tests: new Map(), capacityPerMonth: 1 });
    expect(q.line).toBe(3);
    expect(q.rows.filter((r) => r.aboveLine).map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(q.aboveLine.subjects).toBe(3);
    const above = new Set(q.rows.filter((r) => r.aboveLine).flatMap((r) => r.revenueFlagIds));
    expect(q.aboveLine.revenueAtStake).toBe([...above].reduce((s, id) => s + id * 100, 0));
  });

  it("gives the same queue whatever the order of its flags", () => {
    const options = { tests: new Map([[familyKey("UNIT_VALUE", Q1), 50]]), capacityPerMonth: 1 };
    const forward = rankSubjects(FLAGS, Q1, options);
    for (const order of [[...FLAGS].reverse(), [...FLAGS].sort((a, b) => a.subjectId.localeCompare(b.subjectId))])
      expect(rankSubjects(order, Q1, options)).toEqual(forward);
  });

  it("breaks ties by subject type, then id", () => {
    const twins = [
      flag({ subjectId: "B2" }),
      flag({ subjectId: "A1" }),
      flag({ subjectType: "broker", subjectId: "Z" }),
    ];
    expect(
      rankSubjects(twins, Q1, { tests: new Map(), capacityPerMonth: 20 }).rows.map(
        (r) => `${r.subjectType}:${r.subjectId}`,
      ),
    ).toEqual(["broker:Z", "officer:A1", "officer:B2"]);
  });
});
