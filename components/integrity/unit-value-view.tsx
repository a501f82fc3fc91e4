// Unit-value box plots by HS6 × origin for one period, with the flagged items as points and the table view.
import { getFormatter, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { unitValueBoxes } from "@/lib/integrity/unit-value-boxes";
import { ChartFigure } from "@/components/charts/chart-figure";
import { BoxPlotChart } from "@/components/charts/box-plot-chart";
import { formatPeriod } from "@/components/integrity/period-label";

type Props = { user: SessionUser; from: string; to: string; hs6?: string; flagId?: number; minGroup: number };

export async function UnitValueView({ user, from, to, hs6, flagId, minGroup }: Props) {
  const [t, tp, format, groups] = await Promise.all([
    getTranslations("integrity.unitValues"),
    getTranslations("integrity.period"),
    getFormatter(),
    unitValueBoxes(user, { from, to, hs6: hs6 || undefined, flagId, minGroup }),
  ]);
  const uv = (x: number) => format.number(Math.exp(x), { maximumSignificantDigits: 4 });
  const title = t("chartTitle", { period: formatPeriod(format, tp, from, to) });
  return (
    <ChartFigure
      testId="unit-value-boxes"
      title={title}
      description={t("chartDescription", { min: minGroup })}
      tableLabel={t("tableView")}
      empty={
        groups.length
          ? null
          : flagId
            ? t("emptyFlag", { min: minGroup })
            : hs6
              ? t("emptyHs6", { hs6, min: minGroup })
              : t("empty")
      }
      table={{
        caption: title,
        columns: [
          t("columns.group"),
          t("columns.n"),
          t("columns.whiskerLow"),
          t("columns.q1"),
          t("columns.median"),
          t("columns.q3"),
          t("columns.whiskerHigh"),
          t("columns.outliers"),
          t("columns.flagged"),
        ],
        numeric: [false, true, true, true, true, true, true, true, false],
        rows: groups.map((g) => [
          `${g.hs6} · ${g.originCountry}`,
          format.number(g.stats.n),
          uv(g.stats.whiskerLow),
          uv(g.stats.q1),
          uv(g.stats.median),
          uv(g.stats.q3),
          uv(g.stats.whiskerHigh),
          format.number(g.stats.outliers),
          g.flagged.length
            ? g.flagged
                .map((f) => t("flaggedItem", { decl: f.declId, item: f.itemNo, value: uv(f.logUnitValue) }))
                .join("; ")
            : "—",
        ]),
      }}
    >
      <BoxPlotChart
        label={title}
        axisLabel={t("axis")}
        groups={groups.map((g) => ({
          id: `${g.hs6}|${g.originCountry}`,
          label: `${g.hs6} · ${g.originCountry}`,
          sublabel: t("items", { count: g.stats.n }),
          q1: g.stats.q1,
          median: g.stats.median,
          q3: g.stats.q3,
          whiskerLow: g.stats.whiskerLow,
          whiskerHigh: g.stats.whiskerHigh,
          points: g.flagged.map((f) => ({
            x: f.logUnitValue,
            title: t("flaggedItem", { decl: f.declId, item: f.itemNo, value: uv(f.logUnitValue) }),
            href: `/integrity/flags/${f.flagId}`,
            highlighted: f.flagId === flagId,
          })),
        }))}
      />
    </ChartFigure>
  );
}
