// How a flag's score reads: a ratio for pairs ("3.4×"), a MAD to three decimals for Benford, |z| or |M| otherwise.
import type { useFormatter } from "next-intl";

type Formatter = ReturnType<typeof useFormatter>;

export function formatScoreOf(format: Formatter, method: string, score: number): string {
  if (method === "BENFORD") return format.number(score, { minimumFractionDigits: 3, maximumFractionDigits: 4 });
  if (method === "BROKER_OFFICER_PAIR") return `${format.number(score, { maximumFractionDigits: 1 })}×`;
  return format.number(score, { maximumFractionDigits: 2 });
}
