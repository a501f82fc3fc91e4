// A flag's statistics in words (docs/indicators.md "Flags"): the figures of flags.stats put into the sentence of each
// method's test, so the analyst reads why the flag was raised before looking at the declarations.
import type { Flag } from "@prisma/client";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatDay, formatKpiValue } from "@/components/format/kpi-format";
import { nigriniBand } from "@/lib/integrity/benford";

const num = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && v !== "" ? Number(v) : NaN);

export async function FlagStatistics({ flag }: { flag: Flag }) {
  const [t, tc, ti, format] = await Promise.all([
    getTranslations("integrity.flag.stats"),
    getTranslations("contracts"),
    getTranslations("integrity"),
    getFormatter(),
  ]);
  const s = (flag.stats ?? {}) as Record<string, unknown>;
  const n = (v: unknown, digits = 2) =>
    Number.isFinite(num(v)) ? format.number(num(v), { maximumFractionDigits: digits }) : "—";
  const kpi = flag.kpiId;
  const value = (v: unknown) => formatKpiValue(format, tc, kpi, Number.isFinite(num(v)) ? num(v) : null);
  let text: string;
  switch (flag.method) {
    case "RATE_OUTLIER":
      text = t("RATE_OUTLIER", {
        p: value(s.p),
        p0: value(s.p0),
        n: format.number(flag.n),
        z: n(s.z),
        office: String(s.officeCode ?? flag.officeCode ?? "—"),
        direction: ti(`flag.stats.${kpi === "P11" ? "below" : "above"}`),
      });
      break;
    case "VALUE_OUTLIER":
      text = t("VALUE_OUTLIER", {
        x: value(s.x),
        median: value(s.median),
        mad: value(s.mad),
        peers: n(s.peers, 0),
        m: n(s.m),
        office: String(s.officeCode ?? flag.officeCode ?? "—"),
        n: format.number(flag.n),
      });
      break;
    case "BROKER_OFFICER_PAIR":
      text = t("BROKER_OFFICER_PAIR", {
        N: n(s.N, 0),
        nB: n(s.n_b, 0),
        nO: n(s.n_o, 0),
        nBo: n(s.n_bo, 0),
        expected: n(s.expected),
        ratio: n(flag.score),
        pValue: Number.isFinite(num(s.pValue))
          ? format.number(num(s.pValue), { notation: "scientific", maximumFractionDigits: 2 })
          : "—",
        broker: flag.subjectId,
        officer: flag.relatedId,
        office: String(s.officeCode ?? flag.officeCode ?? "—"),
      });
      break;
    case "BENFORD": {
      const mad = num(s.mad);
      text = t("BENFORD", {
        mad: format.number(mad, { minimumFractionDigits: 4, maximumFractionDigits: 4 }),
        n: format.number(flag.n),
        orders: n(s.ordersOfMagnitude, 1),
        band: Number.isFinite(mad) ? ti(`benford.bands.${nigriniBand(mad)}`) : "—",
      });
      break;
    }
    case "UNIT_VALUE":
      text = t("UNIT_VALUE", {
        value: n(Math.exp(num(s.logUnitValue)), 2),
        median: n(Math.exp(num(s.median)), 2),
        m: n(s.m),
        n: format.number(flag.n),
        hs6: String(s.hs6 ?? "—"),
        origin: String(s.originCountry ?? "—"),
        decl: flag.subjectId,
        item: flag.relatedId,
      });
      break;
    case "GAMING": {
      const guard = String(s.guard ?? flag.relatedId);
      const guardValue = (v: unknown) =>
        guard === "INSPECTIONS"
          ? format.number(num(v), { style: "percent", maximumFractionDigits: 1 })
          : formatKpiValue(format, tc, guard, Number.isFinite(num(v)) ? num(v) : null);
      text = t("GAMING", {
        contractNo: n(s.contractNo, 0),
        kpi: kpi,
        guard: guard === "INSPECTIONS" ? t("inspectionsGuard") : guard,
        start: typeof s.afterFrom === "string" ? formatDay(format, s.afterFrom) : "—",
        rewardedBefore: value(s.rewardedBefore),
        rewardedAfter: value(s.rewardedAfter),
        nBefore: n(s.nRewardedBefore, 0),
        nAfter: n(s.nRewardedAfter, 0),
        guardBefore: guardValue(s.guardBefore),
        guardAfter: guardValue(s.guardAfter),
        zRewarded: n(s.zRewarded),
        zGuard: n(s.zGuard),
      });
      break;
    }
    case "RISK_DRIFT":
      text = t("RISK_DRIFT", {
        model: flag.subjectId,
        n: format.number(flag.n),
        scorePsi: n(s.scorePsi, 3),
        factorPsi: n(s.factorPsi, 3),
        precision: Number.isFinite(num(s.precisionAt5))
          ? format.number(num(s.precisionAt5), { style: "percent", maximumFractionDigits: 1 })
          : "—",
        trainFrom: String(s.trainFrom ?? "—"),
        trainTo: String(s.trainTo ?? "—"),
      });
      break;
    default:
      text = "";
  }
  return (
    <section
      aria-labelledby="stats-title"
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="flag-statistics"
    >
      <h2 id="stats-title" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-2 text-sm leading-relaxed text-slate-800">{text}</p>
      <p className="mt-2 text-xs text-slate-500">{t(`formula.${flag.method}` as never)}</p>
    </section>
  );
}
