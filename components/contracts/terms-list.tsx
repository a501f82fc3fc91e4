// The indicators of a contract in a compact table (threshold, target, weight), for the officer deciding whether to
// acknowledge it.
import { getFormatter, getTranslations } from "next-intl/server";
import { formatTermValue } from "@/components/format/kpi-format";
import { BasisNote } from "@/components/contracts/basis-note";

const basisOf = (i: { basis?: string | null }) => (i.basis === "OE" ? "OE" : "RAW");
import { IndicatorDefinition } from "@/components/indicators/indicator-definition";

type Row = {
  kpiId: string;
  direction: string;
  basis?: string | null;
  threshold: number;
  target: number;
  weight: number;
  minVolume: number;
};

export async function TermsList({ indicators }: { indicators: Row[] }) {
  const [t, format] = await Promise.all([getTranslations("contracts"), getFormatter()]);
  const th = "px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t("detail.indicatorsCaption")}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={`${th} text-left`}>
              {t("form.columns.kpi")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("form.columns.threshold")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("form.columns.target")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("detail.columns.weight")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {indicators.map((i) => (
            <tr key={i.kpiId}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <span className="font-medium text-slate-900">{t(`kpis.${i.kpiId}.name`)}</span>{" "}
                <span className="text-xs text-slate-500">({i.kpiId})</span>{" "}
                <IndicatorDefinition kpiId={i.kpiId} inline />
                <span className="block text-xs text-slate-600">{t(`kpis.${i.kpiId}.formula`)}</span>
                <span className="block text-xs text-slate-500">{t(`direction.${i.direction}`)}</span>
                <BasisNote basis={i.basis} label={t("basis.oe")} title={t("basis.oeExplained")} />
              </th>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatTermValue(format, t, i.kpiId, basisOf(i), i.threshold)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatTermValue(format, t, i.kpiId, basisOf(i), i.target)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {format.number(i.weight / 100, { style: "percent", maximumFractionDigits: 1 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
