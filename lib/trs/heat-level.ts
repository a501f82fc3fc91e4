// Shade of a heat-table cell: 0 (none) to 5 (the busiest cell), on a square-root scale so quiet hours still show.
export const HEAT_LEVELS = 5;

export function heatLevel(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(HEAT_LEVELS, Math.ceil(Math.sqrt(value / max) * HEAT_LEVELS)));
}
