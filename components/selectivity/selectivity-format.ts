// Number formats of the selectivity and risk screens: shares with their counts ("42.9 % (3/7)"), amounts, scores.
import type { useFormatter } from "next-intl";
import { formatMoney } from "@/components/format/kpi-format";

type Formatter = ReturnType<typeof useFormatter>;
type Translate = (key: string, values?: Record<string, string | number>) => string;

// `t`: the "contracts" translator, whose money message says the currency.
export function selectivityFormat(format: Formatter, t: Translate) {
  const count = (n: number) => format.number(n, { maximumFractionDigits: 0 });
  const percent = (v: number | null) =>
    v === null ? "—" : format.number(v, { style: "percent", maximumFractionDigits: 1 });
  return {
    count,
    percent,
    // A rate beside what it is made of, as every rate of the portal is shown.
    rate: (v: number | null, top: number, n: number) => (n > 0 ? `${percent(v)} (${count(top)}/${count(n)})` : "—"),
    amount: (v: number | null) => formatMoney(format, t, v),
    decimal: (v: number, digits = 2) =>
      format.number(v, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: "exceptZero" }),
    // A ratio or a quantity of any magnitude, to 3 significant digits (0.35, 1,250, 0.000412).
    plain: (v: number) => format.number(v, { maximumSignificantDigits: 3 }),
  };
}
