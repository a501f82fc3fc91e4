// Smoothed target encoding (the m-estimate): a category level seen n times with k positives is encoded as
//   (k + m · prior) / (n + m),
// its observed rate shrunk towards the prior, the more so the rarer it is; a level never seen gets the prior.
// On the training set each row is encoded from the other folds only (out-of-fold), or a level seen once would be
// encoded with its own label and the regression would learn to trust the encoding far more than it deserves.
import { Random } from "@/lib/kernel/seeded-random";

export type LevelCount = { n: number; positives: number };
export type LevelCounts = Map<string, LevelCount>;

export function mEstimate(positives: number, n: number, prior: number, m: number): number {
  return (positives + m * prior) / (n + m);
}

// A missing value (null or "") is no level at all: it carries no evidence and is encoded as the prior.
export function countLevels(
  values: readonly (string | null)[],
  labels: readonly number[],
  rows?: readonly number[],
): LevelCounts {
  const counts: LevelCounts = new Map();
  for (const i of rows ?? values.keys()) {
    const v = values[i];
    if (v === null || v === undefined || v === "") continue;
    const c = counts.get(v) ?? { n: 0, positives: 0 };
    c.n++;
    c.positives += labels[i]!;
    counts.set(v, c);
  }
  return counts;
}

export function encodeValue(counts: LevelCounts, value: string | null, prior: number, m: number): number {
  const c = value ? counts.get(value) : undefined;
  return c ? mEstimate(c.positives, c.n, prior, m) : prior;
}

// Rows dealt into k folds of equal size (±1) in a seeded random order, so the folds do not follow the file's order
// (dates) and the same seed gives the same folds.
export function assignFolds(n: number, k: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const rnd = new Random(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const folds = new Array<number>(n);
  order.forEach((row, position) => (folds[row] = position % k));
  return folds;
}

// Each row's encoding from the rows of the other folds, with the prior of those rows.
export function outOfFoldEncoding(
  values: readonly (string | null)[],
  labels: readonly number[],
  folds: readonly number[],
  k: number,
  m: number,
): number[] {
  const total = countLevels(values, labels);
  const totalPositives = labels.reduce((s, y) => s + y, 0);
  const perFold = Array.from({ length: k }, () => ({ rows: [] as number[], positives: 0 }));
  folds.forEach((f, i) => {
    perFold[f]!.rows.push(i);
    perFold[f]!.positives += labels[i]!;
  });
  const out = new Array<number>(values.length);
  for (const fold of perFold) {
    const inFold = countLevels(values, labels, fold.rows);
    const rest = labels.length - fold.rows.length;
    const prior = rest > 0 ? (totalPositives - fold.positives) / rest : 0;
    for (const i of fold.rows) {
      const v = values[i] ?? null;
      const all = v ? total.get(v) : undefined;
      const own = v ? inFold.get(v) : undefined;
      const n = (all?.n ?? 0) - (own?.n ?? 0);
      out[i] = n > 0 ? mEstimate((all?.positives ?? 0) - (own?.positives ?? 0), n, prior, m) : prior;
    }
  }
  return out;
}

// Hierarchical smoothing: each level of a chain of ever finer groups (HS2 → HS4 → HS6 → HS6 × origin → HS6 × origin ×
// departure) is shrunk towards the estimate of the level above it rather than towards the overall rate, so a rare
// combination borrows from its product before it borrows from everything. A level never seen keeps its parent's
// estimate. Returns [prior, p₁, …, p_L].
// A level made of exactly its parent's rows (a product declared from one origin only) says nothing more than its
// parent: it keeps the parent's estimate rather than shrinking the same rows twice.
export function chainEstimates(counts: readonly (LevelCount | undefined)[], prior: number, m: number): number[] {
  const out = [prior];
  let parent = prior;
  let above: LevelCount | undefined;
  for (const c of counts) {
    if (c && c.n > 0) {
      const same = above !== undefined && c.n === above.n && c.positives === above.positives;
      if (!same) parent = mEstimate(c.positives, c.n, parent, m);
      above = c;
    }
    out.push(parent);
  }
  return out;
}

// Per-fold counts of one categorical key, so that each training row can be encoded from the rows of the other
// folds: total − own fold, computed once for every fold.
export class FoldedCounts {
  private readonly total: LevelCounts;
  private readonly byFold: LevelCounts[];

  constructor(keys: readonly (string | null)[], labels: readonly number[], folds: readonly number[], k: number) {
    this.total = new Map();
    this.byFold = Array.from({ length: k }, () => new Map());
    keys.forEach((key, i) => {
      if (key === null || key === "") return;
      for (const map of [this.total, this.byFold[folds[i]!]!]) {
        const c = map.get(key) ?? { n: 0, positives: 0 };
        c.n++;
        c.positives += labels[i]!;
        map.set(key, c);
      }
    });
  }

  // The counts of `key` among the rows outside `fold` (every row when fold is null).
  outside(key: string | null, fold: number | null): LevelCount | undefined {
    if (key === null || key === "") return undefined;
    const all = this.total.get(key);
    if (!all) return undefined;
    const own = fold === null ? undefined : this.byFold[fold]!.get(key);
    if (!own) return all;
    return own.n < all.n ? { n: all.n - own.n, positives: all.positives - own.positives } : undefined;
  }

  levels(): LevelCounts {
    return this.total;
  }
}
