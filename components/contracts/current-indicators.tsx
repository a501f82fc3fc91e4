// The contract's indicators over the period so far, computed from the latest data (missing KPI cells are computed
// on the way, which is why the page streams this part behind a "being computed" placeholder).
import { getFormatter, getTranslations } from "next-intl/server";
import { CONTEXT_KPIS, currentIndicators, type IndicatorContract } from "@/lib/contracts/contract-indicators";
import { ScorecardTable } from "@/components/contracts/scorecard-table";
import { formatDay } from "@/components/format/kpi-format";
import { Notice } from "@/components/ui/notice";
import { kpiSubjectOf } from "@/lib/contracts/kpi-subject";
import { isoDate } from "@/lib/kernel/calendar";

export async function CurrentIndicators({ contract }: { contract: IndicatorContract }) {
  const [t, format, current] = await Promise.all([
    getTranslations("contracts"),
    getFormatter(),
    currentIndicators([contract]).then((all) => all.get(contract.id)),
  ]);
  if (!current)
    return (
      <Notice tone="info">{t("detail.notStarted", { from: formatDay(format, isoDate(contract.periodFrom)) })}</Notice>
    );
  const at = current.computedAt
    ? format.dateTime(current.computedAt, { dateStyle: "medium", timeStyle: "short" })
    : null;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        {t("detail.currentDescription", {
          from: formatDay(format, current.period.from),
          to: formatDay(format, current.period.to),
        })}{" "}
        {at
          ? current.lastImportId !== null
            ? t("detail.dataAsOf", { at, importId: current.lastImportId })
            : t("detail.dataAsOfNoImport", { at })
          : null}
      </p>
      <ScorecardTable
        scorecard={current.scorecard}
        caption={t("detail.scorecardCaption")}
        testId="current-scorecard"
        drillDown={{ subject: kpiSubjectOf(contract), from: current.period.from, to: current.period.to }}
        context={CONTEXT_KPIS.map((kpiId) => ({
          kpiId,
          value: null,
          numerator: null,
          denominator: null,
          ...current.values.get(kpiId),
        }))}
      />
    </div>
  );
}
