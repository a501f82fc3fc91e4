// What the TRS and mirror screens read, on the hand-made data set of tests/support/analysis-fixture.ts (TRS period
// March 2025, as_of 2025-04-01 00:00; mirror 2025 at 500 per USD): the stored tables narrowed to the user's offices,
// the distribution and peak-hour queries, the mirror ranking's order and the drill to importers and declarations.
// Expected values are worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { computeAndStoreTrs } from "@/lib/trs/store-trs";
import { computeAndStoreMirror } from "@/lib/mirror/store-mirror";
import { readStoredTrs, readTrsTrend } from "@/lib/trs/read-trs";
import { trsHistogram } from "@/lib/trs/trs-histogram";
import { trsPeaks } from "@/lib/trs/trs-peaks";
import { readMirrorRanking, storedMirrorMeta } from "@/lib/mirror/read-mirror";
import { mirrorDrill } from "@/lib/mirror/mirror-drill";
import { loadAnalysisFixture } from "@/tests/support/analysis-fixture";

const MARCH = { from: "2025-03-01", to: "2025-03-31" };
const national = { role: "MANAGER" as const, officeCode: null, officerId: null };
const officeTA = { role: "INTEGRITY" as const, officeCode: "TA", officerId: null };
const officeTC = { role: "MANAGER" as const, officeCode: "TC", officerId: null };

beforeAll(async () => {
  await loadAnalysisFixture();
  await computeAndStoreTrs(MARCH);
  await computeAndStoreMirror({ year: 2025 });
});
afterAll(async () => {
  await db.$disconnect();
});

describe("stored TRS tables as the screens read them", () => {
  it("narrows the table to the user's offices, and says a period is computed even when none of them has rows", async () => {
    const all = await readStoredTrs(national, MARCH);
    expect(all!.rows.map((r) => `${r.officeCode}/${r.lane}`).filter((v, i, a) => a.indexOf(v) === i)).toEqual([
      "TA/G",
      "TA/R",
      "TB/B",
    ]);
    const ta = await readStoredTrs(officeTA, MARCH);
    expect(new Set(ta!.rows.map((r) => r.officeCode))).toEqual(new Set(["TA"]));
    expect(ta!.rows).toHaveLength(12);
    const tc = await readStoredTrs(officeTC, MARCH);
    expect(tc).toMatchObject({ rows: [] });
    expect(tc!.computedAt).toBeInstanceOf(Date);
    expect(await readStoredTrs(national, { from: "2025-02-01", to: "2025-02-28" })).toBeNull();
  });

  it("reads the monthly trend from the stored monthly tables only", async () => {
    const trend = await readTrsTrend(national, {
      officeCode: "TA",
      lane: "G",
      interval: "reg_release",
      months: ["2025-02", "2025-03"],
    });
    // February was never computed; March's TA/G reg_release: count 3, median 27, p90 115.8, censored 2.
    expect(trend[0]).toEqual({
      month: "2025-02",
      count: null,
      medianH: null,
      p90H: null,
      censored: null,
      stored: false,
    });
    expect(trend[1]).toMatchObject({ month: "2025-03", count: 3, medianH: 27, censored: 2, stored: true });
    expect(trend[1]!.p90H).toBeCloseTo(115.8, 9);
    // Outside the user's office: stored, but nothing of theirs.
    const other = await readTrsTrend(officeTA, {
      officeCode: "TB",
      lane: "B",
      interval: "reg_release",
      months: ["2025-03"],
    });
    expect(other).toEqual([{ month: "2025-03", count: 0, medianH: null, p90H: null, censored: 0, stored: true }]);
  });
});

describe("distribution of an interval", () => {
  it("bins the complete durations with width_bucket and counts the censored apart", async () => {
    // TA/G reg_release: 6, 27, 138 h complete; T03 and T05 censored. p99 = 27 + 0.98 · 111 = 135.78 → 135.78/20 =
    // 6.79 → 10 h bins from 0; ⌊135.78/10⌋ + 1 = 14 bins: 6 in the 1st, 27 in the 3rd, 138 in the 14th.
    const h = await trsHistogram({ ...MARCH, officeCode: "TA", lane: "G", interval: "reg_release" });
    expect(h).toMatchObject({ complete: 3, censored: 2, bins: { lower: 0, width: 10, count: 14 } });
    expect(h.p99).toBeCloseTo(135.78, 9);
    expect(h.bars.map((b) => b.count)).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(h.bars.at(-1)).toEqual({ from: 130, to: 140, count: 1 });
  });

  it("has no bars when nothing is complete", async () => {
    // TB/B asmt_pay: T20 was never paid.
    expect(await trsHistogram({ ...MARCH, officeCode: "TB", lane: "B", interval: "asmt_pay" })).toEqual({
      bars: [],
      bins: null,
      complete: 0,
      censored: 1,
      p99: null,
    });
  });
});

describe("peak and off-peak", () => {
  it("counts registrations per ISO weekday × hour with the median registration → release of those released", async () => {
    const { cells, split } = await trsPeaks({ ...MARCH, officeCode: "TA" });
    // 2025-03-03 and 03-10 and 03-31 are Mondays. T01 (Mon 08:00, released after 6 h) and T03 (Mon 08:00, never
    // released); T02 Tue 09:00 (27 h); T10 Wed 10:00 (72 h); T04 Thu 06:00 (138 h); T11 Fri 10:00 (not released);
    // T05 Mon 23:59:59 (released after as_of: not released by it). T06 is cancelled, T07 and T08 are outside March.
    expect(cells).toEqual([
      { weekday: 1, hour: 8, declarations: 2, medianH: 6, released: 1, notReleased: 1 },
      { weekday: 1, hour: 23, declarations: 1, medianH: null, released: 0, notReleased: 1 },
      { weekday: 2, hour: 9, declarations: 1, medianH: 27, released: 1, notReleased: 0 },
      { weekday: 3, hour: 10, declarations: 1, medianH: 72, released: 1, notReleased: 0 },
      { weekday: 4, hour: 6, declarations: 1, medianH: 138, released: 1, notReleased: 0 },
      { weekday: 5, hour: 10, declarations: 1, medianH: null, released: 0, notReleased: 1 },
    ]);
    // TA opens 08:00–16:00, Monday to Friday. Within: T01, T02, T03, T10, T11 → released 6, 27, 72: median 27,
    // p90 27 + 0.8 · 45 = 63; not released T03, T11. Outside: T04 (06:00) and T05 (23:59:59) → median 138.
    expect(split).toHaveLength(2);
    expect(split[0]).toMatchObject({ withinHours: true, declarations: 5, medianH: 27, notReleased: 2 });
    expect(split[0]!.p90H).toBeCloseTo(63, 9);
    expect(split[1]).toEqual({ withinHours: false, declarations: 2, medianH: 138, p90H: 138, notReleased: 1 });
  });
});

describe("mirror ranking and drill", () => {
  it("ranks flagged flows first by revenue at stake (none last), then the others", async () => {
    const ranking = await readMirrorRanking(2025, 1);
    // Flagged: BR 30,000,000; CN/851713 25,000,000; US 2,500,000; IT no tax rate. Then DE 15,000,000, FR 100,000,
    // CN/620342 0.
    expect(ranking.rows.map((r) => `${r.partnerCountry}/${r.hs6}`)).toEqual([
      "BR/851713",
      "CN/851713",
      "US/940360",
      "IT/220421",
      "DE/870323",
      "FR/851713",
      "CN/620342",
    ]);
    expect(ranking).toMatchObject({ page: 1, pageCount: 1 });
    expect((await readMirrorRanking(2025, 1, { flaggedOnly: true })).rows).toHaveLength(4);
    const meta = await storedMirrorMeta(2025);
    expect(meta).toMatchObject({
      rows: 7,
      flagged: 4,
      perUsd: 500,
      cifToFob: 1.06,
      minExportUsd: 100_000,
      minRelGap: 0.25,
    });
    // 30,000,000 + 25,000,000 + 2,500,000 (IT has none).
    expect(meta!.revenueFlagged).toBeCloseTo(57_500_000, 4);
    expect(await storedMirrorMeta(2023)).toBeNull();
  });

  it("lists the importers and the import declarations behind a flow, narrowed to the user's offices", async () => {
    // CN × 851713 in 2025: M01 (IMPA, its 851713 item only: 53,000,000) and M02 (IMPB, 26,500,000). Not the export
    // M06, nor M07 (2024) and M08 (2026).
    const drill = await mirrorDrill(national, { year: 2025, partnerCountry: "CN", hs6: "851713", page: 1 });
    expect(drill.importers).toEqual([
      { importerId: "IMPA", declarations: 1, cif: 53_000_000, netKg: 1_000, taxes: 10_600_000 },
      { importerId: "IMPB", declarations: 1, cif: 26_500_000, netKg: 500, taxes: 5_300_000 },
    ]);
    expect(drill.declarations.map((d) => [d.declId, d.officeCode, d.importerId, d.items, d.cif])).toEqual([
      ["M01", "TA", "IMPA", 1, 53_000_000],
      ["M02", "TA", "IMPB", 1, 26_500_000],
    ]);
    expect(drill.declarations[0]!.regTs).toBe("2025-02-10 09:00:00");
    expect(drill.totals).toEqual({ declarations: 2, importers: 2, cif: 79_500_000 });
    // The cancelled import behind CN × 620342 is shown with its status.
    expect(
      (await mirrorDrill(national, { year: 2025, partnerCountry: "CN", hs6: "620342", page: 1 })).declarations.map(
        (d) => [d.declId, d.status],
      ),
    ).toEqual([["M09", "cancelled"]]);
    // A partner with no declared import, and a user of another office, see nothing.
    expect(
      (await mirrorDrill(national, { year: 2025, partnerCountry: "BR", hs6: "851713", page: 1 })).totals.declarations,
    ).toBe(0);
    expect((await mirrorDrill(officeTC, { year: 2025, partnerCountry: "CN", hs6: "851713", page: 1 })).totals).toEqual({
      declarations: 0,
      importers: 0,
      cif: 0,
    });
    expect(
      (await mirrorDrill(officeTA, { year: 2025, partnerCountry: "CN", hs6: "851713", page: 1 })).totals.declarations,
    ).toBe(2);
  });
});
