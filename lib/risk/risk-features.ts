// The factors of the risk score, each computed from one declaration (its main item: the item of highest customs
// value) and the training rows, and each shown to the analyst in its own unit:
//   declarant, importer, origin, office   the offence rate of the code in the training rows, shrunk towards the
//                                          overall rate (m-estimate); the feature is its log-odds against that rate
//   declarantCount, importerCount          declarations it lodged before (feature ln(1 + count))
//   declarantTenure, importerTenure        whole months since its first declaration (0 when never seen)
//   newImporter                            1 when the importer has no earlier declaration
//   hs6                                    the product's offence rate, HS2 → HS4 → HS6 each shrunk towards the one
//                                          above; feature = its log-odds against the overall rate
//   hs6Origin (interaction)                what the origin adds to the product: log-odds of HS6 × origin against HS6
//   hs6Route (interaction)                 what the country of departure adds: HS6 × origin × departure against
//                                          HS6 × origin (goods routed through a third country)
//   unitValue                              ln(unit value / median of its HS6 × origin in the training rows); shown
//                                          as the ratio
//   taxRate                                taxes / customs value of the item
//   weightValue                            ln(net kg / customs value); shown as kg per 1,000 of value
// The interactions are the evidence customs services use against origin and valuation fraud: the same product is
// low risk from one origin and high risk from another, and a product shipped from a country other than its origin
// is a classic route for false declarations of origin. Their rates are hierarchical, so a combination seen twice
// borrows from its product's rate, not from the overall one.
// On the training rows every rate is computed out of fold (each row from the other folds only), or a code seen once
// would carry its own label; histories are taken as of each row's date (entity-history.ts).
import {
  FoldedCounts,
  assignFolds,
  chainEstimates,
  type LevelCount,
  type LevelCounts,
} from "@/lib/risk/target-encoding";
import {
  historyAt,
  pointInTimeHistory,
  storedHistory,
  type HistoryAt,
  type StoredHistory,
} from "@/lib/risk/entity-history";
import {
  buildUnitValueReference,
  logUnitValue,
  unitValueDeviation,
  type UnitValueReference,
} from "@/lib/risk/unit-value";

// The fields of one declaration the model reads.
export type RiskInput = {
  declId: string;
  regDate: string;
  declarant: string | null;
  importer: string | null;
  hs6: string | null;
  origin: string | null;
  // Country of departure (export_country).
  departure: string | null;
  office: string | null;
  cifValue: number | null;
  netKg: number | null;
  taxes: number | null;
};

export const RISK_FACTORS = [
  "declarant",
  "declarantCount",
  "declarantTenure",
  "importer",
  "importerCount",
  "importerTenure",
  "newImporter",
  "hs6",
  "hs6Origin",
  "hs6Route",
  "origin",
  "office",
  "unitValue",
  "taxRate",
  "weightValue",
] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

export const INTERACTIONS = ["none", "hs6Origin", "hs6Route"] as const;
export type Interactions = (typeof INTERACTIONS)[number];

// "none": no interaction; "hs6Origin": HS6 × origin; "hs6Route": HS6 × origin and HS6 × origin × departure.
export function factorsFor(interactions: Interactions): RiskFactor[] {
  const drop: RiskFactor[] =
    interactions === "none" ? ["hs6Origin", "hs6Route"] : interactions === "hs6Origin" ? ["hs6Route"] : [];
  return RISK_FACTORS.filter((f) => !drop.includes(f));
}

export const ENCODED_KEYS = [
  "declarant",
  "importer",
  "origin",
  "office",
  "hs2",
  "hs4",
  "hs6",
  "hs6Origin",
  "hs6Route",
] as const;
export type EncodedKey = (typeof ENCODED_KEYS)[number];
const HS_CHAIN = ["hs2", "hs4", "hs6", "hs6Origin", "hs6Route"] as const;

const present = (v: string | null | undefined): v is string => v !== null && v !== undefined && v !== "";

export function encodingKeys(r: RiskInput): Record<EncodedKey, string | null> {
  const hs6 = present(r.hs6) ? r.hs6 : null;
  const hs6Origin = hs6 && present(r.origin) ? `${hs6} · ${r.origin}` : null;
  return {
    declarant: present(r.declarant) ? r.declarant : null,
    importer: present(r.importer) ? r.importer : null,
    origin: present(r.origin) ? r.origin : null,
    office: present(r.office) ? r.office : null,
    hs2: hs6 ? hs6.slice(0, 2) : null,
    hs4: hs6 ? hs6.slice(0, 4) : null,
    hs6,
    hs6Origin,
    hs6Route: hs6Origin && present(r.departure) ? `${hs6Origin} · ${r.departure}` : null,
  };
}

export type LevelTable = Record<string, [n: number, positives: number]>;

// Everything scoring needs besides the coefficients: the training rows' counts per code, the histories and the
// unit-value medians.
export type FeatureState = {
  prior: number;
  m: number;
  tables: Record<EncodedKey, LevelTable>;
  history: { declarant: StoredHistory; importer: StoredHistory };
  unitValueReference: UnitValueReference;
};

export type DescribedFactor = { raw: number | null; value: string | number | null; rate: number | null };
export type DescribedRow = Record<RiskFactor, DescribedFactor>;

const EPSILON = 1e-6;
export function logit(p: number): number {
  const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return Math.log(q / (1 - q));
}

type Lookup = (key: EncodedKey, value: string | null) => LevelCount | undefined;

// One row's factors from the counts `lookup` gives (the other folds' on training rows, all training rows' when
// scoring).
export function describeRow(
  input: RiskInput,
  lookup: Lookup,
  prior: number,
  m: number,
  histories: { declarant: HistoryAt; importer: HistoryAt },
  unitValueReference: UnitValueReference,
): DescribedRow {
  const keys = encodingKeys(input);
  const base = logit(prior);
  const category = (key: EncodedKey): DescribedFactor => {
    const rate = chainEstimates([lookup(key, keys[key])], prior, m)[1]!;
    return { raw: logit(rate) - base, value: keys[key], rate };
  };
  const rates = chainEstimates(
    HS_CHAIN.map((k) => lookup(k, keys[k])),
    prior,
    m,
  );
  const chain = rates.map(logit);
  const luv = logUnitValue(input.cifValue, input.netKg);
  const deviation = luv === null ? null : unitValueDeviation(unitValueReference, input);
  const valued = input.cifValue !== null && input.cifValue > 0;
  const taxRate = valued && input.taxes !== null ? input.taxes / input.cifValue! : null;
  const weighed = valued && input.netKg !== null && input.netKg > 0;
  const importerKnown = keys.importer !== null;
  return {
    declarant: category("declarant"),
    declarantCount: {
      raw: Math.log1p(histories.declarant.count),
      value: keys.declarant ? histories.declarant.count : null,
      rate: null,
    },
    declarantTenure: {
      raw: histories.declarant.tenureMonths,
      value: histories.declarant.count ? histories.declarant.tenureMonths : null,
      rate: null,
    },
    importer: category("importer"),
    importerCount: {
      raw: Math.log1p(histories.importer.count),
      value: importerKnown ? histories.importer.count : null,
      rate: null,
    },
    importerTenure: {
      raw: histories.importer.tenureMonths,
      value: histories.importer.count ? histories.importer.tenureMonths : null,
      rate: null,
    },
    newImporter: {
      raw: importerKnown && histories.importer.count === 0 ? 1 : 0,
      value: importerKnown ? (histories.importer.count === 0 ? 1 : 0) : null,
      rate: null,
    },
    hs6: { raw: chain[3]! - chain[0]!, value: keys.hs6, rate: rates[3]! },
    hs6Origin: { raw: chain[4]! - chain[3]!, value: keys.hs6Origin, rate: keys.hs6Origin ? rates[4]! : null },
    hs6Route: { raw: chain[5]! - chain[4]!, value: keys.hs6Route, rate: keys.hs6Route ? rates[5]! : null },
    origin: category("origin"),
    office: category("office"),
    unitValue: { raw: deviation, value: deviation === null ? null : Math.exp(deviation), rate: null },
    taxRate: { raw: taxRate, value: taxRate, rate: null },
    weightValue: {
      raw: weighed ? Math.log(input.netKg! / input.cifValue!) : null,
      value: weighed ? (input.netKg! / input.cifValue!) * 1000 : null,
      rate: null,
    },
  };
}

function table(counts: LevelCounts): LevelTable {
  return Object.fromEntries(
    [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([v, c]) => [v, [c.n, c.positives]]),
  );
}

export type FeatureOptions = { m: number; folds: number; seed: number; minUnitValueGroup: number };

// The training rows' raw factors, each row's rates from the other folds only (with those folds' overall rate as
// prior), and the state a scorer needs (the counts of every training row).
export function trainingFeatures(
  rows: readonly RiskInput[],
  labels: readonly number[],
  options: FeatureOptions,
): { columns: Record<RiskFactor, (number | null)[]>; state: FeatureState } {
  const n = rows.length;
  const k = Math.max(2, Math.min(options.folds, n));
  const folds = assignFolds(n, k, options.seed);
  const keys = rows.map(encodingKeys);
  const counts = Object.fromEntries(
    ENCODED_KEYS.map((key) => [
      key,
      new FoldedCounts(
        keys.map((r) => r[key]),
        labels,
        folds,
        k,
      ),
    ]),
  ) as Record<EncodedKey, FoldedCounts>;
  const positives = labels.reduce((s, y) => s + y, 0);
  const foldRows = new Array<number>(k).fill(0);
  const foldPositives = new Array<number>(k).fill(0);
  folds.forEach((f, i) => {
    foldRows[f]!++;
    foldPositives[f]! += labels[i]!;
  });
  const unitValueReference = buildUnitValueReference(rows, options.minUnitValueGroup);
  const declarantHistory = pointInTimeHistory(rows.map((r, i) => ({ regDate: r.regDate, key: keys[i]!.declarant })));
  const importerHistory = pointInTimeHistory(rows.map((r, i) => ({ regDate: r.regDate, key: keys[i]!.importer })));

  const columns = Object.fromEntries(RISK_FACTORS.map((f) => [f, new Array<number | null>(n)])) as Record<
    RiskFactor,
    (number | null)[]
  >;
  for (let i = 0; i < n; i++) {
    const fold = folds[i]!;
    const rest = n - foldRows[fold]!;
    const prior = rest > 0 ? (positives - foldPositives[fold]!) / rest : positives / n;
    const described = describeRow(
      rows[i]!,
      (key, value) => counts[key].outside(value, fold),
      prior,
      options.m,
      { declarant: declarantHistory[i]!, importer: importerHistory[i]! },
      unitValueReference,
    );
    for (const f of RISK_FACTORS) columns[f][i] = described[f].raw;
  }
  const state: FeatureState = {
    prior: positives / n,
    m: options.m,
    tables: Object.fromEntries(ENCODED_KEYS.map((key) => [key, table(counts[key].levels())])) as Record<
      EncodedKey,
      LevelTable
    >,
    history: {
      declarant: storedHistory(rows.map((r, i) => ({ regDate: r.regDate, key: keys[i]!.declarant }))),
      importer: storedHistory(rows.map((r, i) => ({ regDate: r.regDate, key: keys[i]!.importer }))),
    },
    unitValueReference,
  };
  return { columns, state };
}

// A later declaration's factors, against every training row. With `own`, a training row scored as if it were
// new: its own declaration (and its label) taken out of every count (leave one out), so its score is what a later
// declaration like it would get; the drift reference is made that way (population-stability.ts).
export type OwnRow = { own?: { label: number } };

export function featureScorer(state: FeatureState): (input: RiskInput, options?: OwnRow) => DescribedRow {
  const maps = Object.fromEntries(
    ENCODED_KEYS.map((key) => [
      key,
      new Map(Object.entries(state.tables[key] ?? {}).map(([v, [n, positives]]) => [v, { n, positives }])),
    ]),
  ) as Record<EncodedKey, LevelCounts>;
  const lookup: Lookup = (key, value) => (value === null ? undefined : maps[key].get(value));
  const withoutOwn =
    (label: number): Lookup =>
    (key, value) => {
      const c = lookup(key, value);
      return c && c.n > 1 ? { n: c.n - 1, positives: c.positives - label } : undefined;
    };
  const history = (stored: StoredHistory, key: string | null, regDate: string, own: boolean): HistoryAt => {
    const h = historyAt(stored, key, regDate);
    return own && h.count > 0 ? { ...h, count: h.count - 1 } : h;
  };
  return (input, options = {}) => {
    const keys = encodingKeys(input);
    const own = options.own !== undefined;
    return describeRow(
      input,
      options.own ? withoutOwn(options.own.label) : lookup,
      state.prior,
      state.m,
      {
        declarant: history(state.history.declarant, keys.declarant, input.regDate, own),
        importer: history(state.history.importer, keys.importer, input.regDate, own),
      },
      state.unitValueReference,
    );
  };
}
