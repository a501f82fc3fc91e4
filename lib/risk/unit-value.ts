// Unit-value deviation: how far an item's log unit value (customs value per net kg) lies from the median of its
// HS6 × origin group in the training set (log unit values by HS6 × origin; docs/indicators.md I10 and
// UNIT_VALUE work on the same groups). Undervaluation shows as a negative deviation. A group with fewer than
// `minGroup` training items falls back to the HS6 median, then to the median of all items.
export type UnitValueReference = {
  byHs6Origin: Record<string, number>;
  byHs6: Record<string, number>;
  overall: number | null;
  minGroup: number;
};

export function logUnitValue(cifValue: number | null, netKg: number | null): number | null {
  if (cifValue === null || netKg === null || !(cifValue > 0) || !(netKg > 0)) return null;
  return Math.log(cifValue / netKg);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const groupKey = (hs6: string, origin: string | null) => `${hs6}|${origin ?? ""}`;

type UnitValueItem = { hs6: string | null; origin: string | null; cifValue: number | null; netKg: number | null };

function push(groups: Map<string, number[]>, key: string, value: number) {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

export function buildUnitValueReference(items: readonly UnitValueItem[], minGroup = 5): UnitValueReference {
  const byGroup = new Map<string, number[]>();
  const byHs6 = new Map<string, number[]>();
  const all: number[] = [];
  for (const item of items) {
    const luv = logUnitValue(item.cifValue, item.netKg);
    if (luv === null || !item.hs6) continue;
    all.push(luv);
    push(byGroup, groupKey(item.hs6, item.origin), luv);
    push(byHs6, item.hs6, luv);
  }
  const medians = (groups: Map<string, number[]>) =>
    Object.fromEntries([...groups].filter(([, v]) => v.length >= minGroup).map(([k, v]) => [k, median(v)]));
  return { byHs6Origin: medians(byGroup), byHs6: medians(byHs6), overall: all.length ? median(all) : null, minGroup };
}

// 0 when the item has no unit value or there is no reference at all: no evidence either way.
export function unitValueDeviation(ref: UnitValueReference, item: UnitValueItem): number {
  const luv = logUnitValue(item.cifValue, item.netKg);
  if (luv === null) return 0;
  const reference =
    (item.hs6 ? (ref.byHs6Origin[groupKey(item.hs6, item.origin)] ?? ref.byHs6[item.hs6]) : undefined) ?? ref.overall;
  return reference === null || reference === undefined ? 0 : luv - reference;
}
