// One factor of a score in words, in the unit the analyst reads, with what it added to the score's log-odds:
// "declarant B9: 75 % offences (+1.20)", "unit value 0.35 × the median (+0.41)", "new importer (+0.12)".
import type { StoredFactor } from "@/lib/risk/risk-report";
import type { RiskFactor } from "@/lib/risk/risk-model";

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Formats = {
  percent: (v: number | null) => string;
  count: (v: number) => string;
  decimal: (v: number, digits?: number) => string;
  plain: (v: number) => string;
};

const RATED: readonly RiskFactor[] = ["declarant", "importer", "hs6", "hs6Origin", "hs6Route", "origin", "office"];

export function factorValueText(t: Translate, factor: StoredFactor, f: Formats): string | null {
  const v = factor.value;
  if (v === null || v === "") return null;
  if (RATED.includes(factor.factor)) {
    return typeof factor.rate === "number"
      ? t("values.rated", { value: String(v), rate: f.percent(factor.rate) })
      : String(v);
  }
  const n = Number(v);
  switch (factor.factor) {
    case "declarantCount":
    case "importerCount":
      return t("values.count", { count: n });
    case "declarantTenure":
    case "importerTenure":
      return t("values.months", { months: n });
    case "newImporter":
      // "new importer (+0.20)" says it all; a known importer is named as such.
      return n ? null : t("values.knownImporter");
    case "unitValue":
      return t("values.unitValue", { ratio: f.plain(n) });
    case "taxRate":
      return t("values.taxRate", { rate: f.percent(n) });
    case "weightValue":
      return t("values.weightValue", { kg: f.plain(n) });
    default:
      return String(v);
  }
}

export function factorText(t: Translate, factor: StoredFactor, f: Formats): string {
  const name = t(`names.${factor.factor}`);
  const contribution = f.decimal(factor.contribution);
  const value = factorValueText(t, factor, f);
  return value === null
    ? t("factorOnly", { factor: name, contribution })
    : t("factorValue", { factor: name, value, contribution });
}
