// A declarant's or an importer's history as of a declaration: how many declarations it lodged before, and how many
// whole months have passed since its first one. On the training rows it is taken at each row's own registration date
// (declarations of earlier days only), so that a row of January does not know what the entity did in June; a later
// declaration is scored against the whole training window (every training row is earlier than it).
// Labels play no part here: the entity's offence rate is its target encoding (target-encoding.ts).

export type HistoryAt = { count: number; tenureMonths: number };
export type StoredHistory = Record<string, [n: number, firstDate: string]>;

// Whole calendar months from `from` to `to` (YYYY-MM-DD): 2020-01-31 → 2020-02-29 is 0, → 2020-03-01 is 1.
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split("-").map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

const byDate = (a: { regDate: string }, b: { regDate: string }) =>
  a.regDate < b.regDate ? -1 : a.regDate > b.regDate ? 1 : 0;

// Each row's history among the rows registered on earlier days; rows without an entity get count 0.
export function pointInTimeHistory(rows: readonly { regDate: string; key: string | null }[]): HistoryAt[] {
  const order = rows.map((_, i) => i).sort((a, b) => byDate(rows[a]!, rows[b]!) || a - b);
  const seen = new Map<string, { n: number; first: string }>();
  const out = new Array<HistoryAt>(rows.length);
  for (let start = 0; start < order.length;) {
    const day = rows[order[start]!]!.regDate;
    let end = start;
    while (end < order.length && rows[order[end]!]!.regDate === day) end++;
    for (let j = start; j < end; j++) {
      const row = rows[order[j]!]!;
      const s = row.key ? seen.get(row.key) : undefined;
      out[order[j]!] = s ? { count: s.n, tenureMonths: monthsBetween(s.first, row.regDate) } : NO_HISTORY;
    }
    for (let j = start; j < end; j++) {
      const key = rows[order[j]!]!.key;
      if (!key) continue;
      const s = seen.get(key);
      if (s) s.n++;
      else seen.set(key, { n: 1, first: day });
    }
    start = end;
  }
  return out;
}

const NO_HISTORY: HistoryAt = { count: 0, tenureMonths: 0 };

// What a model keeps: per entity, its declarations in the training window and the date of its first one.
export function storedHistory(rows: readonly { regDate: string; key: string | null }[]): StoredHistory {
  const out = new Map<string, [number, string]>();
  for (const r of rows) {
    if (!r.key) continue;
    const s = out.get(r.key);
    if (!s) out.set(r.key, [1, r.regDate]);
    else {
      s[0]++;
      if (r.regDate < s[1]) s[1] = r.regDate;
    }
  }
  return Object.fromEntries([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// A declaration scored after the training window: every stored declaration is earlier. Tenure is never negative
// (a declaration scored from before the entity's first one).
export function historyAt(stored: StoredHistory, key: string | null, regDate: string): HistoryAt {
  const s = key && Object.hasOwn(stored, key) ? stored[key] : undefined;
  if (!s) return NO_HISTORY;
  return { count: s[0], tenureMonths: Math.max(0, monthsBetween(s[1], regDate)) };
}
