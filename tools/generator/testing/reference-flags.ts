// Test support: a deliberately naive, independent implementation of docs/indicators.md "Flags" and "Mirror analysis",
// used to check that planted patterns are found and honest data stays quiet. Not the portal's implementation (that
// is SQL in lib/kpis and lib/integrity); written straight from the spec text so the two can be compared.
import type { Dataset, Row } from "./read-dataset";
import { seconds } from "./read-dataset";

export type Period = { from: string; to: string };

export type Flag = {
  method: "RATE_OUTLIER" | "VALUE_OUTLIER" | "BROKER_OFFICER_PAIR" | "BENFORD" | "UNIT_VALUE" | "MIRROR";
  kpiId: string;
  subjectId: string;
  relatedId: string;
  score: number;
  n: number;
};

const RANK: Record<string, number> = { G: 0, B: 1, Y: 2, R: 3 };

type Index = {
  officeOfOfficer: Map<string, string>;
  declById: Map<string, Row>;
  inspected: Set<string>;
  amendTimes: Map<string, string[]>;
  itemsByDecl: Map<string, Row[]>;
  calendars: Map<string, { open: number; close: number; workdays: Set<number>; holidays: Set<string> }>;
};

const indexes = new WeakMap<Dataset, Index>();

function indexOf(ds: Dataset): Index {
  const cached = indexes.get(ds);
  if (cached) return cached;
  const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;
  const index: Index = {
    officeOfOfficer: new Map(ds.officers.map((o) => [o.officer_id as string, o.office_code as string])),
    declById: new Map(ds.declarations.map((d) => [d.decl_id as string, d])),
    inspected: new Set(ds.inspections.map((i) => i.decl_id as string)),
    amendTimes: new Map(),
    itemsByDecl: new Map(),
    calendars: new Map(
      ds.offices.map((o) => [
        o.office_code as string,
        {
          open: clock(o.open_time as string),
          close: clock(o.close_time as string),
          workdays: new Set((o.workdays as string).split(",").map(Number)),
          holidays: new Set(
            ds.holidays
              .filter((h) => h.office_code === "" || h.office_code === o.office_code)
              .map((h) => h.date as string),
          ),
        },
      ]),
    ),
  };
  for (const e of ds.events) {
    if (e.action !== "amend") continue;
    const list = index.amendTimes.get(e.decl_id as string) ?? [];
    list.push(e.ts as string);
    index.amendTimes.set(e.decl_id as string, list);
  }
  for (const item of ds.items) {
    const list = index.itemsByDecl.get(item.decl_id as string) ?? [];
    list.push(item);
    index.itemsByDecl.set(item.decl_id as string, list);
  }
  indexes.set(ds, index);
  return index;
}

const inPeriod = (ts: string, p: Period) => {
  const date = ts.slice(0, 10);
  return date >= p.from && date <= p.to;
};

/** Continuous percentile (PostgreSQL percentile_cont). */
function percentileCont(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (position - lo);
}

const median = (values: number[]) => percentileCont(values, 0.5);

function offHours(index: Index, officeCode: string, ts: string): boolean {
  const calendar = index.calendars.get(officeCode);
  if (!calendar) throw new Error(`unknown office ${officeCode}`);
  const date = ts.slice(0, 10);
  const secondOfDay = Number(ts.slice(11, 13)) * 3600 + Number(ts.slice(14, 16)) * 60 + Number(ts.slice(17, 19));
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return (
    secondOfDay < calendar.open ||
    secondOfDay >= calendar.close ||
    !calendar.workdays.has(weekday) ||
    calendar.holidays.has(date)
  );
}

type Ratio = { num: number; den: number };
const ratio = (): Ratio => ({ num: 0, den: 0 });

/** Numerators and denominators of the rate KPIs that RATE_OUTLIER uses, per officer and per office. */
function rateCounts(ds: Dataset, p: Period): Map<string, Map<string, Ratio>> {
  const index = indexOf(ds);
  const counts = new Map<string, Map<string, Ratio>>(); // kpi → subject → ratio
  const add = (kpi: string, subject: string, num: boolean, den = true) => {
    let bySubject = counts.get(kpi);
    if (!bySubject) counts.set(kpi, (bySubject = new Map()));
    const r = bySubject.get(subject) ?? ratio();
    if (den) r.den++;
    if (num && den) r.num++;
    bySubject.set(subject, r);
  };
  for (const d of ds.declarations) {
    if (!inPeriod(d.reg_ts as string, p)) continue;
    const subjects = [`office:${d.office_code}`];
    if (d.assessing_officer_id) subjects.push(`officer:${d.assessing_officer_id}`);
    const cancelled = d.status === "cancelled";
    for (const s of subjects) {
      const amendAfter = (index.amendTimes.get(d.decl_id as string) ?? []).some(
        (t) => d.asmt_ts !== "" && t > (d.asmt_ts as string),
      );
      add("I12", s, cancelled || amendAfter);
      if (cancelled) continue;
      const li = d.lane_initial as string;
      const lf = d.lane_final as string;
      if (li === "Y" || li === "R") add("I1", s, (RANK[lf] as number) < (RANK[li] as number));
      if (li === "R") add("I2", s, (lf === "G" || lf === "B") && !index.inspected.has(d.decl_id as string));
      add("I4", s, d.value_initial !== "" && d.value_final !== "" && Number(d.value_final) < Number(d.value_initial));
      add("I7", s, d.assignment_mode === "manual");
      if (lf === "R")
        add("I9", s, d.asmt_ts !== "" && seconds(d.asmt_ts as string) - seconds(d.reg_ts as string) < 3600);
    }
  }
  for (const e of ds.events) {
    if (e.officer_id === "" || !inPeriod(e.ts as string, p)) continue;
    const decl = index.declById.get(e.decl_id as string);
    if (!decl) throw new Error(`event of unknown declaration ${e.decl_id}`);
    const off = offHours(index, decl.office_code as string, e.ts as string);
    add("I8", `officer:${e.officer_id}`, off);
    add("I8", `office:${decl.office_code}`, off);
  }
  for (const i of ds.inspections) {
    if (!inPeriod(i.exam_ts as string, p)) continue;
    const decl = index.declById.get(i.decl_id as string) as Row;
    const offence = i.result === "offence";
    add("P11", `officer:${i.inspector_id}`, offence);
    add("P11", `office:${decl.office_code}`, offence);
  }
  return counts;
}

function rateOutliers(ds: Dataset, p: Period): Flag[] {
  const index = indexOf(ds);
  const flags: Flag[] = [];
  for (const [kpi, bySubject] of rateCounts(ds, p)) {
    for (const [subject, r] of bySubject) {
      if (!subject.startsWith("officer:") || r.den < 30) continue;
      const officerId = subject.slice("officer:".length);
      const office = bySubject.get(`office:${index.officeOfOfficer.get(officerId)}`);
      if (!office || office.den === 0) continue;
      const p0 = office.num / office.den;
      if (p0 <= 0 || p0 >= 1) continue;
      const z = (r.num / r.den - p0) / Math.sqrt((p0 * (1 - p0)) / r.den);
      if ((kpi === "P11" && z <= -3) || (kpi !== "P11" && z >= 3)) {
        flags.push({
          method: "RATE_OUTLIER",
          kpiId: kpi,
          subjectId: officerId,
          relatedId: "",
          score: Math.abs(z),
          n: r.den,
        });
      }
    }
  }
  return flags;
}

function valueOutliers(ds: Dataset, p: Period): Flag[] {
  const perOfficer = new Map<
    string,
    { office: string; n: number; delays: number[]; taxes: number; reduction: number }
  >();
  for (const d of ds.declarations) {
    if (!inPeriod(d.reg_ts as string, p) || d.status === "cancelled" || d.assessing_officer_id === "") continue;
    const id = d.assessing_officer_id as string;
    const s = perOfficer.get(id) ?? { office: d.office_code as string, n: 0, delays: [], taxes: 0, reduction: 0 };
    s.n++;
    if (d.asmt_ts !== "") s.delays.push((seconds(d.asmt_ts as string) - seconds(d.reg_ts as string)) / 3600);
    s.taxes += d.taxes_final === "" ? 0 : Number(d.taxes_final);
    if (d.taxes_initial !== "" && d.taxes_final !== "")
      s.reduction += Math.max(Number(d.taxes_initial) - Number(d.taxes_final), 0);
    perOfficer.set(id, s);
  }
  const kpis: {
    id: string;
    value: (s: { delays: number[]; taxes: number; n: number; reduction: number }) => number | null;
    worse: 1 | -1;
  }[] = [
    { id: "P4", value: (s) => (s.delays.length ? median(s.delays) : null), worse: 1 },
    { id: "P8", value: (s) => s.taxes / s.n, worse: -1 },
    { id: "I5", value: (s) => s.reduction, worse: 1 },
  ];
  const flags: Flag[] = [];
  const offices = new Set([...perOfficer.values()].map((s) => s.office));
  for (const kpi of kpis) {
    for (const office of offices) {
      const peers = [...perOfficer.entries()]
        .filter(([, s]) => s.office === office && s.n >= 30)
        .map(([id, s]) => ({ id, x: kpi.value(s), n: s.n }))
        .filter((v): v is { id: string; x: number; n: number } => v.x !== null);
      if (peers.length === 0) continue;
      const med = median(peers.map((v) => v.x));
      const mad = median(peers.map((v) => Math.abs(v.x - med)));
      if (mad === 0) continue;
      for (const v of peers) {
        const m = (0.6745 * (v.x - med)) / mad;
        if (m * kpi.worse > 3.5)
          flags.push({
            method: "VALUE_OUTLIER",
            kpiId: kpi.id,
            subjectId: v.id,
            relatedId: "",
            score: Math.abs(m),
            n: v.n,
          });
      }
    }
  }
  return flags;
}

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let k = logFactorials.length; k <= n; k++) logFactorials[k] = (logFactorials[k - 1] as number) + Math.log(k);
  return logFactorials[n] as number;
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log space. */
function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let total = 0;
  for (let j = k; j <= n; j++) {
    total += Math.exp(
      logFactorial(n) - logFactorial(j) - logFactorial(n - j) + j * Math.log(p) + (n - j) * Math.log(1 - p),
    );
  }
  return Math.min(1, total);
}

function brokerOfficerPairs(ds: Dataset, p: Period): Flag[] {
  const byOffice = new Map<string, Row[]>();
  for (const d of ds.declarations) {
    if (!inPeriod(d.reg_ts as string, p) || d.status === "cancelled") continue;
    const list = byOffice.get(d.office_code as string) ?? [];
    list.push(d);
    byOffice.set(d.office_code as string, list);
  }
  const flags: Flag[] = [];
  for (const decls of byOffice.values()) {
    const N = decls.length;
    const nb = new Map<string, number>();
    const no = new Map<string, number>();
    const nbo = new Map<string, number>();
    for (const d of decls) {
      nb.set(d.broker_id as string, (nb.get(d.broker_id as string) ?? 0) + 1);
      if (d.assessing_officer_id === "") continue;
      no.set(d.assessing_officer_id as string, (no.get(d.assessing_officer_id as string) ?? 0) + 1);
      const key = `${d.broker_id}|${d.assessing_officer_id}`;
      nbo.set(key, (nbo.get(key) ?? 0) + 1);
    }
    for (const [key, both] of nbo) {
      if (both < 10) continue;
      const [broker, officer] = key.split("|") as [string, string];
      const b = nb.get(broker) as number;
      const o = no.get(officer) as number;
      const score = both / ((b * o) / N);
      if (score >= 3 && binomialUpperTail(both, b, o / N) < 0.001) {
        flags.push({ method: "BROKER_OFFICER_PAIR", kpiId: "", subjectId: broker, relatedId: officer, score, n: both });
      }
    }
  }
  return flags;
}

function firstDigit(value: string): number {
  for (const ch of value) if (ch >= "1" && ch <= "9") return Number(ch);
  return 0;
}

export function benfordMad(values: readonly string[]): number {
  const counts = new Array<number>(10).fill(0);
  for (const v of values) {
    const digit = firstDigit(v);
    counts[digit] = (counts[digit] as number) + 1;
  }
  let sum = 0;
  for (let d = 1; d <= 9; d++) sum += Math.abs((counts[d] as number) / values.length - Math.log10(1 + 1 / d));
  return sum / 9;
}

function benford(ds: Dataset, p: Period): Flag[] {
  const byBroker = new Map<string, string[]>();
  for (const d of ds.declarations) {
    if (!inPeriod(d.reg_ts as string, p) || d.status === "cancelled" || !(Number(d.value_initial) > 0)) continue;
    const list = byBroker.get(d.broker_id as string) ?? [];
    list.push(d.value_initial as string);
    byBroker.set(d.broker_id as string, list);
  }
  const flags: Flag[] = [];
  for (const [broker, values] of byBroker) {
    if (values.length < 300) continue;
    const numbers = values.map(Number);
    if (Math.max(...numbers) / Math.min(...numbers) < 100) continue;
    const mad = benfordMad(values);
    if (mad > 0.015)
      flags.push({ method: "BENFORD", kpiId: "", subjectId: broker, relatedId: "", score: mad, n: values.length });
  }
  return flags;
}

function unitValues(ds: Dataset, p: Period): Flag[] {
  const index = indexOf(ds);
  const groups = new Map<string, { declId: string; itemNo: string; logUv: number }[]>();
  for (const d of ds.declarations) {
    if (!inPeriod(d.reg_ts as string, p) || d.status === "cancelled") continue;
    for (const item of index.itemsByDecl.get(d.decl_id as string) ?? []) {
      const kg = Number(item.net_kg);
      const cif = Number(item.cif_value);
      if (!(kg > 0) || !(cif > 0)) continue;
      const key = `${(item.hs_code as string).slice(0, 6)}|${item.origin_country}`;
      const list = groups.get(key) ?? [];
      list.push({ declId: d.decl_id as string, itemNo: item.item_no as string, logUv: Math.log(cif / kg) });
      groups.set(key, list);
    }
  }
  const flags: Flag[] = [];
  for (const members of groups.values()) {
    if (members.length < 20) continue;
    const med = median(members.map((m) => m.logUv));
    const mad = median(members.map((m) => Math.abs(m.logUv - med)));
    if (mad === 0) continue;
    for (const m of members) {
      const z = (0.6745 * (m.logUv - med)) / mad;
      if (z < -3.5)
        flags.push({
          method: "UNIT_VALUE",
          kpiId: "",
          subjectId: m.declId,
          relatedId: m.itemNo,
          score: -z,
          n: members.length,
        });
    }
  }
  return flags;
}

export function referenceFlags(ds: Dataset, p: Period): Flag[] {
  return [
    ...rateOutliers(ds, p),
    ...valueOutliers(ds, p),
    ...brokerOfficerPairs(ds, p),
    ...benford(ds, p),
    ...unitValues(ds, p),
  ];
}

/** Mirror analysis for one year; `includeCancelled` covers both readings of "import declarations" in the spec. */
export function mirrorFlags(ds: Dataset, year: number, includeCancelled = false): Flag[] {
  const index = indexOf(ds);
  const perUsd = Number(ds.rates.find((r) => Number(r.year) === year)?.per_usd);
  const declared = new Map<string, number>();
  for (const d of ds.declarations) {
    if (d.flow !== "I" || !(d.reg_ts as string).startsWith(`${year}-`)) continue;
    if (!includeCancelled && d.status === "cancelled") continue;
    for (const item of index.itemsByDecl.get(d.decl_id as string) ?? []) {
      const key = `${d.export_country}|${(item.hs_code as string).slice(0, 6)}`;
      declared.set(key, (declared.get(key) ?? 0) + Number(item.cif_value));
    }
  }
  const flags: Flag[] = [];
  for (const row of ds.mirror) {
    if (Number(row.year) !== year) continue;
    const x = Number(row.fob_usd);
    const mFob = (declared.get(`${row.partner_country}|${row.hs6}`) ?? 0) / perUsd / 1.06;
    const relGap = (x - mFob) / x;
    if (x >= 100_000 && relGap > 0.25) {
      flags.push({
        method: "MIRROR",
        kpiId: "",
        subjectId: `${row.partner_country}|${row.hs6}|${year}`,
        relatedId: "",
        score: relGap,
        n: 0,
      });
    }
  }
  return flags;
}

/** The calendar quarters overlapping [from, to], clipped to it. */
export function quartersOf(p: Period): Period[] {
  const quarters: Period[] = [];
  for (let year = Number(p.from.slice(0, 4)); year <= Number(p.to.slice(0, 4)); year++) {
    for (const [start, end] of [
      ["01-01", "03-31"],
      ["04-01", "06-30"],
      ["07-01", "09-30"],
      ["10-01", "12-31"],
    ] as const) {
      const from = `${year}-${start}` < p.from ? p.from : `${year}-${start}`;
      const to = `${year}-${end}` > p.to ? p.to : `${year}-${end}`;
      if (from <= to) quarters.push({ from, to });
    }
  }
  return quarters;
}
