// "declarant B9 (+1.20)": one factor of a score in words, with what it added to the score's log-odds.
import type { StoredFactor } from "@/lib/risk/risk-report";

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function factorText(t: Translate, factor: StoredFactor, signed: (v: number, digits?: number) => string): string {
  const name = t(`names.${factor.factor}`);
  const contribution = signed(factor.contribution);
  if (factor.value === null || factor.value === "") return t("factorOnly", { factor: name, contribution });
  const value =
    factor.factor === "unitValue"
      ? t("unitValueDeviation", { value: signed(Number(factor.value)) })
      : String(factor.value);
  return t("factorValue", { factor: name, value, contribution });
}
