// How the work queue writes its figures: money compact ("56 B", "56 Md"), p-values in scientific notation down to
// where a double ends ("< 1e-300" below it), and a flag's evidence (−log10 p) to one decimal.
import type { useFormatter } from "next-intl";

type Formatter = ReturnType<typeof useFormatter>;

export function formatMoney(format: Formatter, amount: number): string {
  return format.number(amount, { notation: "compact", maximumFractionDigits: 1 });
}

export function formatPValue(format: Formatter, log10P: number): string {
  if (!Number.isFinite(log10P) || log10P < -300) return "< 1e-300";
  const p = 10 ** log10P;
  return p >= 0.001 ? format.number(p, { maximumSignificantDigits: 2 }) : p.toExponential(1).replace("e-", "e−");
}

export function formatEvidence(format: Formatter, evidence: number): string {
  return Number.isFinite(evidence) ? format.number(evidence, { maximumFractionDigits: 1 }) : "∞";
}
