// The detection methods of docs/indicators.md "Flags" over one period. Rates and values come from the KPI engine (per
// officer and per office); broker–officer pairs, Benford first digits and unit values are aggregated in SQL. Only
// the statistics of the few resulting candidates (z, modified z, binomial tails, Benford MAD) run in JavaScript.
import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/pg";
import { computeKpis, itemsOfDeclarations, type KpiRow } from "@/lib/kpis/compute-kpis";
import { kpiDefinition, type KpiId } from "@/lib/kpis/catalogue";
import { DEFAULT_DETECTION_PARAMS, type DetectionParams } from "@/lib/integrity/detection-params";
import {
  benfordMad,
  binomialUpperTail,
  median,
  medianAbsoluteDeviation,
  modifiedZ,
  rateZ,
} from "@/lib/integrity/statistics";

export type FlagMethod = "RATE_OUTLIER" | "VALUE_OUTLIER" | "BROKER_OFFICER_PAIR" | "BENFORD" | "UNIT_VALUE";

export type Flag = {
  method: FlagMethod;
  kpiId: KpiId | null;
  subjectType: "officer" | "broker" | "declaration";
  subjectId: string;
  // The officer of a broker–officer pair; the item number of a unit-value flag.
  relatedId: string | null;
  periodFrom: string;
  periodTo: string;
  score: number;
  n: number;
  // The statistics behind the score, shown with the flag.
  stats: Record<string, number | string | null>;
};

type Queryable = Pick<PoolClient, "query">;
type Period = { from: string; to: string };

const worse = (kpiId: KpiId, signed: number, limit: number) =>
  kpiDefinition(kpiId).direction === "higher" ? signed <= -limit : signed >= limit;

async function officerOffices(db: Queryable): Promise<Map<string, string>> {
  const { rows } = await db.query<{ officer_id: string; office_code: string }>(
    "SELECT officer_id, office_code FROM officers",
  );
  return new Map(rows.map((r) => [r.officer_id, r.office_code]));
}

const byKey = (rows: KpiRow[]) => new Map(rows.map((r) => [`${r.subjectId}|${r.kpiId}`, r]));

// Every (officer, KPI) the rate test is run on, with its z: the method's tests, whether or not they raise a flag.
function rateTests(
  officers: KpiRow[],
  offices: KpiRow[],
  officeOf: Map<string, string>,
  params: DetectionParams["rateOutlier"],
): { r: KpiRow; p0: number; z: number }[] {
  const office = byKey(offices);
  return officers.flatMap((r) => {
    if (!(params.kpis as string[]).includes(r.kpiId) || r.value === null || (r.denominator ?? 0) < params.minN)
      return [];
    const p0 = office.get(`${officeOf.get(r.subjectId)}|${r.kpiId}`)?.value ?? null;
    if (p0 === null) return [];
    const z = rateZ(r.value, p0, r.denominator!);
    return z === null ? [] : [{ r, p0, z }];
  });
}

export function rateOutliers(
  period: Period,
  officers: KpiRow[],
  offices: KpiRow[],
  officeOf: Map<string, string>,
  params: DetectionParams["rateOutlier"],
): Flag[] {
  return rateTests(officers, offices, officeOf, params).flatMap(({ r, p0, z }) => {
    if (!worse(r.kpiId, z, params.z)) return [];
    return [
      {
        method: "RATE_OUTLIER",
        kpiId: r.kpiId,
        subjectType: "officer",
        subjectId: r.subjectId,
        relatedId: null,
        periodFrom: period.from,
        periodTo: period.to,
        score: Math.abs(z),
        n: r.denominator!,
        stats: { p: r.value, p0, z, officeCode: officeOf.get(r.subjectId) ?? null },
      } satisfies Flag,
    ];
  });
}

export function valueOutliers(
  period: Period,
  officers: KpiRow[],
  officeOf: Map<string, string>,
  params: DetectionParams["valueOutlier"],
): Flag[] {
  return valueOutlierTests(period, officers, officeOf, params).flags;
}

// The value test over every peer group, with the number of officers it was run on (groups whose MAD is 0 test none).
function valueOutlierTests(
  period: Period,
  officers: KpiRow[],
  officeOf: Map<string, string>,
  params: DetectionParams["valueOutlier"],
): { flags: Flag[]; tested: number } {
  let tested = 0;
  // #B of an officer is the denominator of P8 (revenue per declaration is Σ taxes_final / #B).
  const declarations = new Map(officers.filter((r) => r.kpiId === "P8").map((r) => [r.subjectId, r.denominator ?? 0]));
  const flags: Flag[] = [];
  for (const kpiId of params.kpis) {
    const peers = new Map<string, KpiRow[]>();
    for (const r of officers) {
      if (r.kpiId !== kpiId || r.value === null || (declarations.get(r.subjectId) ?? 0) < params.minDeclarations)
        continue;
      const office = officeOf.get(r.subjectId) ?? "";
      peers.set(office, [...(peers.get(office) ?? []), r]);
    }
    for (const [officeCode, rows] of peers) {
      const values = rows.map((r) => r.value!);
      const center = median(values)!;
      const mad = medianAbsoluteDeviation(values, center)!;
      for (const r of rows) {
        const m = modifiedZ(r.value!, center, mad);
        if (m !== null) tested++;
        if (m === null || !worse(kpiId, m, params.m)) continue;
        flags.push({
          method: "VALUE_OUTLIER",
          kpiId,
          subjectType: "officer",
          subjectId: r.subjectId,
          relatedId: null,
          periodFrom: period.from,
          periodTo: period.to,
          score: Math.abs(m),
          n: declarations.get(r.subjectId)!,
          stats: { x: r.value, median: center, mad, m, peers: rows.length, officeCode },
        });
      }
    }
  }
  return { flags, tested };
}

// Declarations of the period as docs/indicators.md's B: registered in [from, to], not cancelled.
const PERIOD_B = `d.reg_ts >= $1::date::timestamp AND d.reg_ts < ($2::date + 1)::timestamp AND d.status <> 'cancelled'`;

type Tested = { flags: Flag[]; tested: number };

// The pairs tested are those with n_bo ≥ minPair; only those with the ratio come back as rows (with the count of
// tested pairs on every row, or alone on one row of nulls when none has it).
async function brokerOfficerPairs(
  db: Queryable,
  period: Period,
  params: DetectionParams["brokerOfficerPair"],
): Promise<Tested> {
  const { rows: all } = await db.query<{
    office_code: string;
    broker_id: string | null;
    officer_id: string;
    n: number;
    n_b: number;
    n_o: number;
    n_bo: number;
    tested: number;
  }>(
    `WITH b AS (SELECT d.office_code, d.broker_id, d.assessing_officer_id FROM declarations d WHERE ${PERIOD_B}),
          office AS (SELECT office_code, count(*)::int AS n FROM b GROUP BY office_code),
          broker AS (SELECT office_code, broker_id, count(*)::int AS n_b FROM b WHERE broker_id IS NOT NULL GROUP BY 1, 2),
          officer AS (SELECT office_code, assessing_officer_id, count(*)::int AS n_o FROM b
                       WHERE assessing_officer_id IS NOT NULL GROUP BY 1, 2),
          pair AS (SELECT office_code, broker_id, assessing_officer_id, count(*)::int AS n_bo FROM b
                    WHERE broker_id IS NOT NULL AND assessing_officer_id IS NOT NULL
                    GROUP BY 1, 2, 3 HAVING count(*) >= $3),
          candidate AS (
            SELECT p.office_code, p.broker_id, p.assessing_officer_id AS officer_id, o.n, br.n_b, f.n_o, p.n_bo
              FROM pair p JOIN office o USING (office_code) JOIN broker br USING (office_code, broker_id)
              JOIN officer f USING (office_code, assessing_officer_id)),
          tested AS (SELECT count(*)::int AS tested FROM candidate)
     SELECT c.*, t.tested FROM tested t
       LEFT JOIN candidate c ON c.n_bo::float8 * c.n >= $4 * c.n_b::float8 * c.n_o`,
    [period.from, period.to, params.minPair, params.ratio],
  );
  const tested = all[0]?.tested ?? 0;
  const rows = all.filter((r): r is typeof r & { broker_id: string } => r.broker_id !== null);
  const flags = rows.flatMap((r) => {
    const expected = (r.n_b * r.n_o) / r.n;
    const pValue = binomialUpperTail(r.n_bo, r.n_b, r.n_o / r.n);
    if (!(pValue < params.pValue)) return [];
    return [
      {
        method: "BROKER_OFFICER_PAIR",
        kpiId: null,
        subjectType: "broker",
        subjectId: r.broker_id,
        relatedId: r.officer_id,
        periodFrom: period.from,
        periodTo: period.to,
        score: r.n_bo / expected,
        n: r.n_bo,
        stats: { officeCode: r.office_code, N: r.n, n_b: r.n_b, n_o: r.n_o, n_bo: r.n_bo, expected, pValue },
      } satisfies Flag,
    ];
  });
  return { flags, tested };
}

// Every broker with enough values is tested; the MAD rule then picks the flags.
async function benfordBrokers(db: Queryable, period: Period, params: DetectionParams["benford"]): Promise<Tested> {
  const { rows } = await db.query<{ broker_id: string; n: number; span: number; counts: number[] }>(
    `SELECT broker_id, count(*)::int AS n, max(v) / min(v) AS span,
            array[${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `count(*) FILTER (WHERE digit = '${d}')::int`).join(", ")}] AS counts
       FROM (SELECT d.broker_id, d.value_initial::float8 AS v,
                    -- First significant digit: the first non-zero digit of the amount's decimal text.
                    left(ltrim(replace(d.value_initial::text, '.', ''), '0'), 1) AS digit
               FROM declarations d
              WHERE ${PERIOD_B} AND d.broker_id IS NOT NULL AND d.value_initial > 0) x
      GROUP BY broker_id
     HAVING count(*) >= $3 AND max(v) / min(v) >= power(10, $4::float8)`,
    [period.from, period.to, params.minValues, params.minOrdersOfMagnitude],
  );
  const flags = rows.flatMap((r) => {
    const mad = benfordMad(r.counts);
    if (mad === null || !(mad > params.mad)) return [];
    return [
      {
        method: "BENFORD",
        kpiId: null,
        subjectType: "broker",
        subjectId: r.broker_id,
        relatedId: null,
        periodFrom: period.from,
        periodTo: period.to,
        score: mad,
        n: r.n,
        stats: { mad, ordersOfMagnitude: Math.log10(r.span), counts: r.counts.join(",") },
      } satisfies Flag,
    ];
  });
  return { flags, tested: rows.length };
}

// Every item of a group of enough items with a spread is tested; those below −m come back as rows (with the count
// of tested items on each, or alone on one row of nulls when none is below).
async function unitValueItems(db: Queryable, period: Period, params: DetectionParams["unitValue"]): Promise<Tested> {
  const { rows: all } = await db.query<{
    tested: number;
    decl_id: string | null;
    item_no: number;
    hs6: string;
    origin_country: string;
    n: number;
    x: number;
    med: number;
    mad: number;
    m: number;
  }>(
    // Every item of a group with a spread is tested, so the count comes from the groups, and only the items below
    // −m are joined back. A group's values are gathered once, and its median and MAD are taken over that array: the
    // same percentile_cont over the same values, without joining every item back to its group's median to sort the
    // whole period a second time.
    `WITH it AS MATERIALIZED (
        SELECT i.decl_id, i.item_no, i.hs6, i.origin_country, ln(i.cif_value::float8 / i.net_kg::float8) AS x
          FROM declarations d ${itemsOfDeclarations(period)}
         WHERE ${PERIOD_B} AND i.net_kg > 0 AND i.cif_value > 0),
      grp AS (
        SELECT hs6, origin_country, array_agg(x) AS xs FROM it GROUP BY hs6, origin_country HAVING count(*) >= $3),
      spread AS MATERIALIZED (
        SELECT g.hs6, g.origin_country, cardinality(g.xs) AS n, c.med,
               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(v - c.med)) FROM unnest(g.xs) v) AS mad
          FROM grp g
         CROSS JOIN LATERAL (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS med FROM unnest(g.xs) v) c),
      tested AS (SELECT coalesce(sum(n), 0)::int AS tested FROM spread WHERE mad > 0),
      scored AS (
        SELECT it.decl_id, it.item_no, it.hs6, it.origin_country, s.n, it.x, s.med, s.mad,
               0.6745 * (it.x - s.med) / s.mad AS m
          FROM it JOIN spread s USING (hs6, origin_country)
         WHERE s.mad > 0 AND 0.6745 * (it.x - s.med) / s.mad < -$4::float8)
     SELECT t.tested, sc.* FROM tested t LEFT JOIN scored sc ON true`,
    [period.from, period.to, params.minGroup, params.m],
  );
  const tested = all[0]?.tested ?? 0;
  const rows = all.filter((r): r is typeof r & { decl_id: string } => r.decl_id !== null);
  const flags = rows.map((r) => ({
    method: "UNIT_VALUE",
    kpiId: null,
    subjectType: "declaration",
    subjectId: r.decl_id,
    relatedId: String(r.item_no),
    periodFrom: period.from,
    periodTo: period.to,
    score: Math.abs(r.m),
    n: r.n,
    stats: { hs6: r.hs6, originCountry: r.origin_country, logUnitValue: r.x, median: r.med, mad: r.mad, m: r.m },
  })) satisfies Flag[];
  return { flags, tested };
}

// The KPI values of a period as kpi_results holds them, for a caller that has just stored them (the import's
// recomputation): the same rows computeKpis would return for the subjects that have any.
async function storedKpis(db: Queryable, period: Period, subject: "officer" | "office", kpiIds: KpiId[]) {
  const { rows } = await db.query<{
    subject_id: string;
    kpi_id: KpiId;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
  }>(
    `SELECT subject_id, kpi_id, value, numerator, denominator FROM kpi_results
      WHERE subject_type = $1 AND period_from = $2 AND period_to = $3 AND kpi_id = ANY ($4::text[])
      ORDER BY subject_id, kpi_id`,
    [subject, period.from, period.to, kpiIds],
  );
  return rows.map((r): KpiRow => ({
    subjectType: subject,
    subjectId: r.subject_id,
    periodFrom: period.from,
    periodTo: period.to,
    kpiId: r.kpi_id,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
  }));
}

// The flags of every method over the period, and how many tests each method ran (every subject it was run on,
// flagged or not): the m of the false discovery rate control (benjamini-hochberg.ts). `kpis`: "stored" reads the
// period's KPI values from kpi_results instead of computing them again (the import's recomputation detects right
// after storing them).
export async function detectFlagsWithTests(
  period: Period,
  params: DetectionParams = DEFAULT_DETECTION_PARAMS,
  db: Queryable = pool,
  kpis: "computed" | "stored" = "computed",
): Promise<{ flags: Flag[]; tests: Record<FlagMethod, number> }> {
  const kpiIds = [...new Set<KpiId>([...params.rateOutlier.kpis, ...params.valueOutlier.kpis, "P8"])];
  const kpiRows = (subject: "officer" | "office", ids: KpiId[]) =>
    kpis === "stored" ? storedKpis(db, period, subject, ids) : computeKpis({ ...period, subject, kpiIds: ids }, db);
  const [officers, offices, officeOf, pairs, benford, unitValues] = await Promise.all([
    kpiRows("officer", kpiIds),
    kpiRows("office", params.rateOutlier.kpis),
    officerOffices(db),
    brokerOfficerPairs(db, period, params.brokerOfficerPair),
    benfordBrokers(db, period, params.benford),
    unitValueItems(db, period, params.unitValue),
  ]);
  const values = valueOutlierTests(period, officers, officeOf, params.valueOutlier);
  const flags = [
    ...rateOutliers(period, officers, offices, officeOf, params.rateOutlier),
    ...values.flags,
    ...pairs.flags,
    ...benford.flags,
    ...unitValues.flags,
  ].sort(
    (a, b) => a.method.localeCompare(b.method) || (a.kpiId ?? "").localeCompare(b.kpiId ?? "") || b.score - a.score,
  );
  return {
    flags,
    tests: {
      RATE_OUTLIER: rateTests(officers, offices, officeOf, params.rateOutlier).length,
      VALUE_OUTLIER: values.tested,
      BROKER_OFFICER_PAIR: pairs.tested,
      BENFORD: benford.tested,
      UNIT_VALUE: unitValues.tested,
    },
  };
}

export async function detectFlags(
  period: Period,
  params: DetectionParams = DEFAULT_DETECTION_PARAMS,
  db: Queryable = pool,
  kpis: "computed" | "stored" = "computed",
): Promise<Flag[]> {
  return (await detectFlagsWithTests(period, params, db, kpis)).flags;
}
