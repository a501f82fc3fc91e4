// "Where the time goes": per office, one stacked bar per lane of the stages' median (or mean) hours, with the same
// numbers as a table.
import { getFormatter, getTranslations } from "next-intl/server";
import type { TrsRow } from "@/lib/trs/trs-intervals";
import { stageBars, TRS_STAGES, type Measure } from "@/lib/trs/trs-summary";
import { analysisFormat } from "@/components/analysis/analysis-format";
import { ChartFigure } from "@/components/charts/chart-figure";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";

export async function TrsStageCharts({ rows, measure }: { rows: TrsRow[]; measure: Measure }) {
  const [t, ta, format] = await Promise.all([
    getTranslations("analysis.trs.stages"),
    getTranslations("analysis"),
    getFormatter(),
  ]);
  const f = analysisFormat(format, ta);
  const bars = stageBars(rows, measure);
  const offices = [...new Set(bars.map((b) => b.officeCode))];
  const unit = ta("hours", { value: "" }).trim();
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      {offices.map((office) => {
        const of = bars.filter((b) => b.officeCode === office);
        const title = t("title", { office });
        const drawable = of.some((b) => TRS_STAGES.some((s) => (b.stages[s] ?? 0) > 0));
        return (
          <ChartFigure
            key={office}
            testId={`stage-chart-${office}`}
            title={title}
            description={t("description", { measure: t(measure === "medianH" ? "median" : "mean") })}
            tableLabel={t("showTable")}
            empty={drawable ? null : t("empty")}
            table={{
              caption: title,
              columns: [t("lane"), ...TRS_STAGES.map((s) => ta(`intervals.${s}`)), t("declarations")],
              rows: of.map((b) => [
                ta("laneLabel", { lane: ta(`lanes.${b.lane}` as "lanes.G"), code: b.lane }),
                ...TRS_STAGES.map((s) => f.hours(b.stages[s])),
                f.count(b.count),
              ]),
              numeric: [false, true, true, true, true, true],
            }}
          >
            <StackedBarChart
              label={title}
              unit={unit}
              segments={TRS_STAGES.map((s) => ({ key: s, name: ta(`intervals.${s}`) }))}
              data={of.map((b) => ({
                label: ta("laneLabel", { lane: ta(`lanes.${b.lane}` as "lanes.G"), code: b.lane }),
                ...Object.fromEntries(TRS_STAGES.map((s) => [s, Math.max(0, b.stages[s] ?? 0)])),
              }))}
            />
          </ChartFigure>
        );
      })}
    </div>
  );
}
