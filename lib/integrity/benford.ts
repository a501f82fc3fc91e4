// Benford's first-digit test of a broker's declared values (docs/indicators.md "Flags", BENFORD): observed against
// expected shares log10(1 + 1/d), and the mean absolute deviation read against Nigrini's conformity ranges for
// first digits (Nigrini, "Benford's Law", 2012, table 7.1): ≤ 0.006 close, ≤ 0.012 acceptable, ≤ 0.015 marginal,
// above that nonconformity — the default flag limit of the method is that last edge.
import { benfordMad, benfordShare } from "@/lib/integrity/statistics";

export type NigriniBand = "close" | "acceptable" | "marginal" | "nonconformity";
export const NIGRINI_BANDS: readonly { band: NigriniBand; upTo: number }[] = [
  { band: "close", upTo: 0.006 },
  { band: "acceptable", upTo: 0.012 },
  { band: "marginal", upTo: 0.015 },
  { band: "nonconformity", upTo: Infinity },
];

export function nigriniBand(mad: number): NigriniBand {
  return NIGRINI_BANDS.find((b) => mad <= b.upTo)!.band;
}

export type DigitShare = { digit: number; count: number; observed: number; expected: number };

// counts[d − 1] = values whose first digit is d.
export function benfordDigits(counts: readonly number[]): { digits: DigitShare[]; total: number; mad: number | null } {
  const total = counts.reduce((a, b) => a + b, 0);
  const digits = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => {
    const count = counts[d - 1] ?? 0;
    return { digit: d, count, observed: total ? count / total : 0, expected: benfordShare(d) };
  });
  return { digits, total, mad: benfordMad(counts) };
}
