// Colour of a heatmap cell for an observed/expected ratio (BROKER_OFFICER_PAIR, docs/indicators.md "Flags"): a
// diverging
// scale on log2(ratio), white at 1 (as many joint declarations as independence predicts), towards red above and
// blue below, saturated from 8× (or 1/8) on. Symmetric in log space, so 2× and ½ are equally strong.

const WHITE = [255, 255, 255] as const;
const RED = [185, 28, 28] as const; // Tailwind red-700
const BLUE = [29, 78, 216] as const; // Tailwind blue-700
export const HEAT_SATURATION = 8;
const EMPTY = "#f1f5f9"; // slate-100: no declarations of the pair

const hex = (rgb: readonly number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

// 0 at ratio 1, ±1 at the saturation and beyond; null for no ratio.
export function heatPosition(ratio: number | null): number | null {
  if (ratio === null || !Number.isFinite(ratio) || ratio <= 0) return null;
  const t = Math.log2(ratio) / Math.log2(HEAT_SATURATION);
  return Math.max(-1, Math.min(1, t));
}

export function heatColour(ratio: number | null): string {
  const t = heatPosition(ratio);
  if (t === null) return EMPTY;
  const end = t >= 0 ? RED : BLUE;
  const s = Math.abs(t);
  return hex(WHITE.map((w, i) => w + (end[i]! - w) * s));
}

// Text on the cell: dark on light cells, white on strong ones (contrast ≥ 4.5:1 either way).
export function heatTextColour(ratio: number | null): string {
  const t = heatPosition(ratio);
  return t !== null && Math.abs(t) > 0.6 ? "#ffffff" : "#0f172a";
}
