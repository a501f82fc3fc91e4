// Checks a generated data set from its CSV files alone, against docs/data-format.md and docs/indicators.md. Expected
// values are worked out here (or by the independent reference flags in ./testing), never read from the generator.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/kernel/app-error";
import { generateDataset } from "./generate-dataset";
import type { Manifest } from "./manifest";
import { checkMirror, checkPlanted, readManifest } from "./testing/check-planted";
import { readDataset, seconds, type Dataset, type Row } from "./testing/read-dataset";
import { benfordMad, quartersOf } from "./testing/reference-flags";

const PERIOD = { from: "2025-01-01", to: "2025-12-31" };
const QUARTERS = quartersOf(PERIOD);
const root = mkdtempSync(path.join(tmpdir(), "pmc-generate-"));
let ds: Dataset;
let manifest: Manifest;

beforeAll(async () => {
  const dir = path.join(root, "20k");
  await generateDataset({ outDir: dir, declarations: 20_000, seed: 42, ...PERIOD });
  ds = readDataset(dir);
  manifest = readManifest(dir);
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const inQuarter = (ts: string, q: { from: string; to: string }) => ts.slice(0, 10) >= q.from && ts.slice(0, 10) <= q.to;
const cents = (money: string) => Math.round(Number(money) * 100);
/** Rows whose columns do not match their pattern (at most 5, to keep a failure readable). */
function invalid(rows: Row[], patterns: Record<string, RegExp>): Row[] {
  return rows
    .filter((row) => Object.entries(patterns).some(([column, pattern]) => !pattern.test(row[column] ?? "<missing>")))
    .slice(0, 5);
}
const officersOfPattern = (type: string) =>
  manifest.patterns.filter((p) => p.type === type).flatMap((p) => p.subjects) as Row[];

describe("format (docs/data-format.md)", () => {
  it("writes every file with the spec's columns", () => {
    expect(ds.headers).toEqual({
      "offices.csv": ["office_code", "name", "open_time", "close_time", "workdays"],
      "officers.csv": ["officer_id", "full_name", "office_code", "unit", "grade", "email"],
      "declarations.csv": [
        "decl_id",
        "office_code",
        "flow",
        "regime",
        "broker_id",
        "importer_id",
        "export_country",
        "arrival_ts",
        "reg_ts",
        "lane_initial",
        "lane_final",
        "assignment_mode",
        "assessing_officer_id",
        "asmt_ts",
        "pay_ts",
        "release_ts",
        "value_initial",
        "value_final",
        "taxes_initial",
        "taxes_final",
        "status",
      ],
      "items.csv": [
        "decl_id",
        "item_no",
        "hs_code",
        "description",
        "origin_country",
        "net_kg",
        "gross_kg",
        "supp_qty",
        "supp_unit",
        "cif_value",
        "taxes",
      ],
      "inspections.csv": ["decl_id", "inspector_id", "exam_ts", "result", "offence_code", "adjustment_amount"],
      "events.csv": ["decl_id", "ts", "action", "officer_id", "lane_from", "lane_to"],
      "mirror_exports.csv": ["partner_country", "hs6", "year", "fob_usd", "net_kg"],
      "exchange_rates.csv": ["year", "per_usd"],
      "holidays.csv": ["date", "office_code"],
    });
  });

  it("records the row counts of every file in the manifest", () => {
    expect(manifest.rowCounts).toEqual({
      "offices.csv": ds.offices.length,
      "officers.csv": ds.officers.length,
      "declarations.csv": 20_000,
      "items.csv": ds.items.length,
      "inspections.csv": ds.inspections.length,
      "events.csv": ds.events.length,
      "mirror_exports.csv": ds.mirror.length,
      "exchange_rates.csv": 1,
      "holidays.csv": ds.holidays.length,
    });
    expect(ds.items.length / 20_000).toBeGreaterThan(1.8);
    expect(ds.events.length / 20_000).toBeGreaterThan(4.5);
  });

  it("writes only valid values", () => {
    const timestamp = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
    const optionalTimestamp = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})?$/;
    const money = /^\d+(\.\d{1,2})?$/;
    const optionalMoney = /^(\d+(\.\d{1,2})?)?$/;
    const mass = /^\d+(\.\d{1,3})?$/;
    const country = /^[A-Z]{2}$/;
    const lane = /^[GBYR]$/;
    expect(
      invalid(ds.offices, { open_time: /^\d{2}:\d{2}$/, close_time: /^\d{2}:\d{2}$/, workdays: /^[1-7](,[1-7])*$/ }),
    ).toEqual([]);
    expect(
      invalid(ds.declarations, {
        reg_ts: /^2025-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
        arrival_ts: optionalTimestamp,
        asmt_ts: optionalTimestamp,
        pay_ts: optionalTimestamp,
        release_ts: optionalTimestamp,
        flow: /^[IE]$/,
        regime: /^(IM|EX)\d$/,
        export_country: country,
        lane_initial: lane,
        lane_final: lane,
        assignment_mode: /^(auto|manual)$/,
        status: /^(registered|assessed|paid|released|cancelled)$/,
        value_initial: money,
        taxes_initial: money,
        value_final: optionalMoney,
        taxes_final: optionalMoney,
      }),
    ).toEqual([]);
    expect(
      invalid(ds.items, {
        item_no: /^[1-9]\d*$/,
        hs_code: /^\d{6,10}$/,
        origin_country: country,
        net_kg: mass,
        gross_kg: mass,
        supp_qty: /^\d*$/,
        cif_value: money,
        taxes: money,
      }),
    ).toEqual([]);
    expect(ds.items.filter((i) => Number(i.gross_kg) < Number(i.net_kg))).toEqual([]);
    expect(
      invalid(ds.inspections, {
        exam_ts: timestamp,
        result: /^(offence|no_offence)$/,
        offence_code: /^(UNDERVALUATION|MISCLASSIFICATION|QUANTITY|ORIGIN|PROHIBITED)?$/,
        adjustment_amount: money,
      }),
    ).toEqual([]);
    expect(ds.inspections.filter((i) => (i.result === "offence") !== (i.offence_code !== ""))).toEqual([]);
    expect(
      invalid(ds.events, {
        ts: /^(2024-\d{2}-\d{2}|2025-\d{2}-\d{2}) \d{2}:\d{2}:\d{2}$/, // nothing after the extraction (2026-01-01)
        action: /^(register|assign|reroute|assess|amend|pay|release|cancel)$/,
        lane_from: /^[GBYR]?$/,
        lane_to: /^[GBYR]?$/,
      }),
    ).toEqual([]);
    expect(ds.events.filter((e) => (e.action === "reroute") !== (e.lane_from !== "" && e.lane_to !== ""))).toEqual([]);
    expect(
      invalid(ds.mirror, { partner_country: country, hs6: /^\d{6}$/, year: /^2025$/, fob_usd: money, net_kg: mass }),
    ).toEqual([]);
    expect(ds.rates).toEqual([{ year: "2025", per_usd: expect.stringMatching(/^\d+(\.\d+)?$/) }]);
    expect(ds.holidays.filter((h) => h.office_code === "").length).toBeGreaterThanOrEqual(5);
    expect(ds.holidays.filter((h) => h.office_code !== "").length).toBe(1);
  });

  it("keeps every key unique", () => {
    const unique = (rows: Row[], key: (r: Row) => string) => new Set(rows.map(key)).size === rows.length;
    expect(unique(ds.offices, (r) => r.office_code as string)).toBe(true);
    expect(unique(ds.officers, (r) => r.officer_id as string)).toBe(true);
    expect(unique(ds.declarations, (r) => r.decl_id as string)).toBe(true);
    expect(unique(ds.items, (r) => `${r.decl_id}|${r.item_no}`)).toBe(true);
    expect(unique(ds.inspections, (r) => `${r.decl_id}|${r.exam_ts}`)).toBe(true);
    expect(unique(ds.events, (r) => `${r.decl_id}|${r.ts}|${r.action}`)).toBe(true);
    expect(unique(ds.mirror, (r) => `${r.partner_country}|${r.hs6}|${r.year}`)).toBe(true);
    expect(unique(ds.holidays, (r) => `${r.date}|${r.office_code}`)).toBe(true);
  });

  it("refers only to existing offices, officers and declarations", () => {
    const offices = new Set(ds.offices.map((o) => o.office_code));
    const officeOf = new Map(ds.officers.map((o) => [o.officer_id, o.office_code]));
    const declOffice = new Map(ds.declarations.map((d) => [d.decl_id, d.office_code]));
    expect(ds.officers.filter((o) => !offices.has(o.office_code))).toEqual([]);
    expect(ds.holidays.filter((h) => h.office_code !== "" && !offices.has(h.office_code))).toEqual([]);
    expect(ds.declarations.filter((d) => !offices.has(d.office_code))).toEqual([]);
    expect(
      ds.declarations.filter(
        (d) => d.assessing_officer_id !== "" && officeOf.get(d.assessing_officer_id) !== d.office_code,
      ),
    ).toEqual([]);
    expect([...ds.items, ...ds.inspections, ...ds.events].filter((r) => !declOffice.has(r.decl_id))).toEqual([]);
    expect(ds.inspections.filter((i) => officeOf.get(i.inspector_id) !== declOffice.get(i.decl_id))).toEqual([]);
    expect(
      ds.events.filter((e) => e.officer_id !== "" && officeOf.get(e.officer_id) !== declOffice.get(e.decl_id)),
    ).toEqual([]);
  });
});

describe("consistency of each declaration", () => {
  it("orders reg_ts ≤ asmt_ts ≤ pay_ts ≤ release_ts and sets the status from them", () => {
    const problems = ds.declarations.filter((d) => {
      const steps = [d.reg_ts, d.asmt_ts, d.pay_ts, d.release_ts].filter((t) => t !== "") as string[];
      const ordered = steps.every((t, i) => i === 0 || (steps[i - 1] as string) <= t);
      const complete = (d.release_ts === "" || d.pay_ts !== "") && (d.pay_ts === "" || d.asmt_ts !== "");
      const status =
        d.status === "cancelled"
          ? "cancelled"
          : d.release_ts
            ? "released"
            : d.pay_ts
              ? "paid"
              : d.asmt_ts
                ? "assessed"
                : "registered";
      return !ordered || !complete || d.status !== status;
    });
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it("adds item values and taxes up to the declared totals and never lowers them", () => {
    const sums = new Map<string, { value: number; taxes: number }>();
    for (const item of ds.items) {
      const s = sums.get(item.decl_id as string) ?? { value: 0, taxes: 0 };
      s.value += cents(item.cif_value as string);
      s.taxes += cents(item.taxes as string);
      sums.set(item.decl_id as string, s);
    }
    const problems = ds.declarations.filter((d) => {
      const sum = sums.get(d.decl_id as string);
      return (
        sum?.value !== cents(d.value_initial as string) ||
        sum.taxes !== cents(d.taxes_initial as string) ||
        (d.value_final === "") !== (d.asmt_ts === "") ||
        (d.value_final !== "" && Number(d.value_final) < Number(d.value_initial)) ||
        (d.taxes_final !== "" && Number(d.taxes_final) < Number(d.taxes_initial))
      );
    });
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it("logs every step as an event matching the declaration, officers for officer actions only", () => {
    const byDecl = new Map<string, Row[]>();
    for (const e of ds.events) {
      const list = byDecl.get(e.decl_id as string) ?? [];
      list.push(e);
      byDecl.set(e.decl_id as string, list);
    }
    const examined = new Map(ds.inspections.map((i) => [i.decl_id, i.exam_ts as string]));
    const officerActions = new Set(["assess", "release", "reroute", "amend", "cancel"]);
    const problems: string[] = [];
    for (const d of ds.declarations) {
      const events = byDecl.get(d.decl_id as string) ?? [];
      const times = (action: string) =>
        events
          .filter((e) => e.action === action)
          .map((e) => e.ts)
          .join(" ");
      const fail = (why: string) => problems.push(`${d.decl_id}: ${why}`);
      if (times("register") !== d.reg_ts) fail("register event");
      if (times("assess") !== d.asmt_ts || times("pay") !== d.pay_ts || times("release") !== d.release_ts)
        fail("step events");
      if ((times("cancel") !== "") !== (d.status === "cancelled")) fail("cancel event");
      const reroutes = events
        .filter((e) => e.action === "reroute")
        .map((e) => `${e.lane_from}>${e.lane_to}`)
        .join(" ");
      if (reroutes !== (d.lane_final === d.lane_initial ? "" : `${d.lane_initial}>${d.lane_final}`))
        fail("reroute event");
      for (const e of events) {
        if ((e.action === "pay" || e.action === "register") && e.officer_id !== "") fail(`${e.action} by an officer`);
        if (officerActions.has(e.action as string) && e.officer_id !== d.assessing_officer_id)
          fail(`${e.action} officer`);
        if (e.action === "assign" && (e.officer_id === "") !== (d.assignment_mode === "auto")) fail("assign officer");
        if (e.action === "amend" && (e.ts as string) <= (d.asmt_ts as string)) fail("amend before assessment");
        if ((e.ts as string) < (d.reg_ts as string)) fail(`${e.action} before registration`);
      }
      const exam = examined.get(d.decl_id);
      if (exam !== undefined && exam < (d.reg_ts as string)) fail("exam before registration");
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it("lodges most goods after arrival and leaves a few recent declarations unassessed", () => {
    const withArrival = ds.declarations.filter((d) => d.arrival_ts !== "");
    expect(withArrival.length / ds.declarations.length).toBeGreaterThan(0.95);
    expect(
      withArrival.filter((d) => (d.arrival_ts as string) < (d.reg_ts as string)).length / withArrival.length,
    ).toBeGreaterThan(0.88);
    const december = ds.declarations.filter((d) => (d.reg_ts as string) >= "2025-12-31" && d.status !== "cancelled");
    expect(december.some((d) => d.asmt_ts === "" || d.release_ts === "")).toBe(true);
    const cancelled = ds.declarations.filter((d) => d.status === "cancelled").length / ds.declarations.length;
    expect(cancelled).toBeGreaterThan(0.002);
    expect(cancelled).toBeLessThan(0.02);
    expect(ds.declarations.filter((d) => d.flow === "E").length / ds.declarations.length).toBeGreaterThan(0.05);
  });

  it("chooses initial lanes within ±3 points of G 55 %, B 5 %, Y 28 %, R 12 %", () => {
    const share = (lane: string) =>
      ds.declarations.filter((d) => d.lane_initial === lane).length / ds.declarations.length;
    expect(Math.abs(share("G") - 0.55)).toBeLessThan(0.03);
    expect(Math.abs(share("B") - 0.05)).toBeLessThan(0.03);
    expect(Math.abs(share("Y") - 0.28)).toBeLessThan(0.03);
    expect(Math.abs(share("R") - 0.12)).toBeLessThan(0.03);
    const kept = ds.declarations.filter((d) => d.lane_final === d.lane_initial).length / ds.declarations.length;
    expect(kept).toBeGreaterThan(0.95);
  });

  it("gives every office several officers with at least 30 declarations in every quarter", () => {
    for (const q of QUARTERS) {
      const counts = new Map<string, number>();
      for (const d of ds.declarations) {
        if (inQuarter(d.reg_ts as string, q) && d.status !== "cancelled") {
          counts.set(d.assessing_officer_id as string, (counts.get(d.assessing_officer_id as string) ?? 0) + 1);
        }
      }
      for (const o of ds.officers) expect(counts.get(o.officer_id as string) ?? 0).toBeGreaterThanOrEqual(30);
    }
    for (const office of ds.offices)
      expect(ds.officers.filter((o) => o.office_code === office.office_code).length).toBeGreaterThanOrEqual(6);
  });
});

describe("planted integrity patterns (docs/indicators.md Flags)", () => {
  it("lists every pattern type with subjects that exist in the data", () => {
    expect(new Set(manifest.patterns.map((p) => p.type))).toEqual(
      new Set([
        "LANE_DOWNGRADER",
        "COLLUSIVE_BROKER_OFFICER_PAIR",
        "SLOW_OFFICER",
        "FABRICATED_VALUES",
        "UNDERVALUED_ITEMS",
        "OFF_HOURS_OFFICER",
        "MIRROR_GAP",
        "FAST_RED_ASSESSOR",
        "CONTRACT_GAMING",
      ]),
    );
    const officers = new Set(ds.officers.map((o) => o.officer_id));
    const brokers = new Set(ds.declarations.map((d) => d.broker_id));
    const items = new Set(ds.items.map((i) => `${i.decl_id}|${i.item_no}`));
    for (const pattern of manifest.patterns) {
      expect(pattern.subjects.length).toBeGreaterThan(0);
      expect(pattern.detection.length).toBeGreaterThan(0);
      for (const s of pattern.subjects) {
        if (s.officerId !== undefined) expect(officers.has(String(s.officerId))).toBe(true);
        if (s.brokerId !== undefined) expect(brokers.has(String(s.brokerId))).toBe(true);
        if (s.declId !== undefined) expect(items.has(`${s.declId}|${s.itemNo}`)).toBe(true);
      }
    }
    expect(
      officersOfPattern("LANE_DOWNGRADER")
        .map((s) => s.officeCode)
        .sort(),
    ).toEqual(["CMDLA1", "CMNSI1", "CMYAO2"]);
  });

  it.each([PERIOD, ...QUARTERS])("finds every planted pattern in $from … $to, and flags nothing else", (period) => {
    const check = checkPlanted(ds, manifest, period);
    expect(check.required).toBeGreaterThan(12);
    expect(check.missing).toEqual([]);
    expect(check.unexpected).toEqual([]);
  });

  it("makes the gaming officer assess everything the same day after his start, at the cost of cancellations", () => {
    const [{ officerId }] = officersOfPattern("CONTRACT_GAMING") as [{ officerId: string }];
    const mine = ds.declarations.filter((d) => d.assessing_officer_id === officerId);
    const half = (after: boolean) => mine.filter((d) => (d.reg_ts as string) >= "2025-07-01" === after);
    const live = (rows: Row[]) => rows.filter((d) => d.status !== "cancelled");
    const sameDay = (rows: Row[]) =>
      live(rows).filter(
        (d) => d.asmt_ts !== "" && (d.asmt_ts as string).slice(0, 10) === (d.reg_ts as string).slice(0, 10),
      ).length / live(rows).length;
    const cancelled = (rows: Row[]) => rows.filter((d) => d.status === "cancelled").length / rows.length;
    const [before, after] = [half(false), half(true)];
    expect(sameDay(before)).toBeLessThan(0.95);
    // Only declarations never assessed (abandoned goods) or still open at the cutoff escape him.
    expect(sameDay(after)).toBeGreaterThan(0.98);
    expect(cancelled(after) - cancelled(before)).toBeGreaterThan(0.05);
  });

  it("makes each lane downgrader's I1 rate an outlier (z ≥ 3) against the office in every quarter", () => {
    for (const q of QUARTERS) {
      for (const { officerId, officeCode } of officersOfPattern("LANE_DOWNGRADER")) {
        const yr = ds.declarations.filter(
          (d) =>
            d.office_code === officeCode &&
            d.status !== "cancelled" &&
            inQuarter(d.reg_ts as string, q) &&
            "YR".includes(d.lane_initial as string),
        );
        const downgraded = (d: Row) => "GB".includes(d.lane_final as string);
        const mine = yr.filter((d) => d.assessing_officer_id === officerId);
        const p0 = yr.filter(downgraded).length / yr.length;
        const p = mine.filter(downgraded).length / mine.length;
        expect(mine.length).toBeGreaterThanOrEqual(30);
        expect((p - p0) / Math.sqrt((p0 * (1 - p0)) / mine.length)).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("gives the fabricating broker a Benford MAD above 0.015 while honest high-volume brokers stay well below", () => {
    const fabricator = String(officersOfPattern("FABRICATED_VALUES")[0]?.brokerId);
    for (const q of QUARTERS) {
      const values = new Map<string, string[]>();
      for (const d of ds.declarations) {
        if (!inQuarter(d.reg_ts as string, q) || d.status === "cancelled") continue;
        values.set(d.broker_id as string, [...(values.get(d.broker_id as string) ?? []), d.value_initial as string]);
      }
      const fabricated = values.get(fabricator) ?? [];
      expect(fabricated.length).toBeGreaterThanOrEqual(300);
      expect(benfordMad(fabricated)).toBeGreaterThan(0.015);
      const honest = [...values].filter(([broker, v]) => broker !== fabricator && v.length >= 100);
      expect(honest.length).toBeGreaterThan(2);
      for (const [, v] of honest) expect(benfordMad(v)).toBeLessThan(0.01);
    }
  });

  it("gives each collusive pair a broker–officer ratio of at least 3 in every quarter", () => {
    for (const q of QUARTERS) {
      for (const { brokerId, officerId, officeCode } of officersOfPattern("COLLUSIVE_BROKER_OFFICER_PAIR")) {
        const office = ds.declarations.filter(
          (d) => d.office_code === officeCode && d.status !== "cancelled" && inQuarter(d.reg_ts as string, q),
        );
        const nb = office.filter((d) => d.broker_id === brokerId).length;
        const no = office.filter((d) => d.assessing_officer_id === officerId).length;
        const nbo = office.filter((d) => d.broker_id === brokerId && d.assessing_officer_id === officerId).length;
        expect(nbo).toBeGreaterThanOrEqual(10);
        expect(nbo / ((nb * no) / office.length)).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("declares the planted undervalued lines at a small fraction of their group's median unit value", () => {
    const uv = (i: Row) => Number(i.cif_value) / Number(i.net_kg);
    const planted = manifest.patterns.find((p) => p.type === "UNDERVALUED_ITEMS")?.subjects ?? [];
    const plantedKeys = new Set(planted.map((s) => `${s.declId}|${s.itemNo}`));
    const cancelled = new Set(ds.declarations.filter((d) => d.status === "cancelled").map((d) => d.decl_id));
    expect(planted.filter((s) => s.declarationCancelled !== cancelled.has(String(s.declId)))).toEqual([]);
    for (const combo of new Set(planted.map((s) => `${s.hs6}|${s.originCountry}`))) {
      const group = ds.items.filter(
        (i) => `${(i.hs_code as string).slice(0, 6)}|${i.origin_country}` === combo && !cancelled.has(i.decl_id),
      );
      const honest = group
        .filter((i) => !plantedKeys.has(`${i.decl_id}|${i.item_no}`))
        .map(uv)
        .sort((a, b) => a - b);
      const median = honest[Math.floor(honest.length / 2)] as number;
      for (const item of group.filter((i) => plantedKeys.has(`${i.decl_id}|${i.item_no}`)))
        expect(uv(item)).toBeLessThan(0.2 * median);
      expect(Math.min(...honest)).toBeGreaterThan(0.4 * median);
    }
  });

  it("flags exactly the planted mirror gaps, and partners otherwise agree within 10 %", () => {
    expect(checkMirror(ds, manifest, 2025)).toEqual({ planted: 3, missing: [], unexpected: [] });
    expect(checkMirror(ds, manifest, 2025, true)).toEqual({ planted: 3, missing: [], unexpected: [] });
    const planted = new Set(officersOfPattern("MIRROR_GAP").map((s) => `${s.partnerCountry}|${s.hs6}`));
    const perUsd = Number(ds.rates[0]?.per_usd);
    const declared = new Map<string, number>();
    const declById = new Map(ds.declarations.map((d) => [d.decl_id, d]));
    for (const item of ds.items) {
      const d = declById.get(item.decl_id) as Row;
      if (d.flow !== "I" || d.status === "cancelled") continue;
      const key = `${d.export_country}|${(item.hs_code as string).slice(0, 6)}`;
      declared.set(key, (declared.get(key) ?? 0) + Number(item.cif_value));
    }
    for (const m of ds.mirror) {
      const key = `${m.partner_country}|${m.hs6}`;
      const mFob = (declared.get(key) ?? 0) / perUsd / 1.06;
      expect(mFob).toBeGreaterThan(0);
      const relGap = (Number(m.fob_usd) - mFob) / Number(m.fob_usd);
      if (planted.has(key)) expect(relGap).toBeGreaterThan(0.25);
      else expect(Math.abs(relGap)).toBeLessThan(0.1);
    }
  });
});

describe("determinism and options", () => {
  const hashes = (dir: string) =>
    Object.fromEntries(
      readdirSync(dir)
        .sort()
        .map((file) => [
          file,
          createHash("sha256")
            .update(readFileSync(path.join(dir, file)))
            .digest("hex"),
        ]),
    );

  it("writes byte-identical files for the same seed and options, different ones for another seed", async () => {
    const options = { declarations: 3000, from: "2025-03-01", to: "2025-05-31" };
    await generateDataset({ ...options, seed: 7, outDir: path.join(root, "a") });
    await generateDataset({ ...options, seed: 7, outDir: path.join(root, "b") });
    await generateDataset({ ...options, seed: 8, outDir: path.join(root, "c") });
    const a = hashes(path.join(root, "a"));
    expect(Object.keys(a)).toHaveLength(10);
    expect(hashes(path.join(root, "b"))).toEqual(a);
    const c = hashes(path.join(root, "c"));
    for (const file of ["declarations.csv", "items.csv", "events.csv", "officers.csv", "manifest.json"])
      expect(c[file]).not.toBe(a[file]);
  }, 30_000);

  it("reports progress up to the total", async () => {
    const progress: [number, number][] = [];
    await generateDataset({
      outDir: path.join(root, "progress"),
      declarations: 500,
      seed: 1,
      from: "2025-01-01",
      to: "2025-01-10",
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toHaveLength(10);
    expect(progress.at(-1)).toEqual([500, 500]);
    expect(progress.every(([done], i) => i === 0 || done >= (progress[i - 1] as [number, number])[0])).toBe(true);
  });

  it.each([
    { declarations: 0, from: "2025-01-01", to: "2025-12-31" },
    { declarations: 10, from: "2025-02-30", to: "2025-12-31" },
    { declarations: 10, from: "2025-12-31", to: "2025-01-01" },
    { declarations: 1.5, from: "2025-01-01", to: "2025-12-31" },
  ])("rejects invalid options %o as INVALID", async (options) => {
    const attempt = generateDataset({ ...options, seed: 1, outDir: path.join(root, "invalid") });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "INVALID" });
  });

  it("keeps reg_ts in the period for a single-day period and a tiny volume", async () => {
    const dir = path.join(root, "tiny");
    await generateDataset({ outDir: dir, declarations: 5, seed: 3, from: "2025-07-14", to: "2025-07-14" });
    const tiny = readDataset(dir);
    expect(tiny.declarations).toHaveLength(5);
    for (const d of tiny.declarations) expect((d.reg_ts as string).startsWith("2025-07-14")).toBe(true);
    expect(tiny.events.every((e) => seconds(e.ts as string) < seconds("2025-07-15 00:00:00"))).toBe(true);
  });
});
