// The broker × officer heatmap of one office and period, with its table view (pairs with declarations, and the
// flagged ones). Loads its own data, so pages stream it behind a Suspense boundary.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { pairHeatmap } from "@/lib/integrity/pair-heatmap";
import { ChartFigure } from "@/components/charts/chart-figure";
import { HeatmapChart, type HeatmapCellView } from "@/components/charts/heatmap-chart";
import { formatPeriod } from "@/components/integrity/period-label";

type Props = {
  user: SessionUser;
  officeCode: string;
  from: string;
  to: string;
  highlight?: { brokerId: string; officerId: string };
};

export async function HeatmapView({ user, officeCode, from, to, highlight }: Props) {
  const [t, tp, format, data] = await Promise.all([
    getTranslations("integrity.pairs"),
    getTranslations("integrity.period"),
    getFormatter(),
    pairHeatmap(user, { officeCode, from, to }),
  ]);
  const num = (v: number, digits = 1) => format.number(v, { maximumFractionDigits: digits });
  const title = t("chartTitle", { office: officeCode, period: formatPeriod(format, tp, from, to) });
  const officerName = new Map(data.officers.map((o) => [o.officerId, o.fullName ?? o.officerId]));
  const cells: HeatmapCellView[] = data.cells.map((c) => ({
    row: c.brokerId,
    column: c.officerId,
    ratio: c.nBo > 0 ? c.ratio : null,
    text: c.nBo > 0 ? format.number(c.nBo) : "",
    title: t("cellTitle", {
      broker: c.brokerId,
      officer: officerName.get(c.officerId) ?? c.officerId,
      observed: c.nBo,
      expected: num(c.expected),
      ratio: num(c.ratio, 2),
    }),
    href: c.flagId ? `/integrity/flags/${c.flagId}` : undefined,
    outlined: c.flagId !== null || (highlight?.brokerId === c.brokerId && highlight.officerId === c.officerId),
  }));
  const listed = data.cells.filter((c) => c.nBo > 0 || c.flagId);
  return (
    <ChartFigure
      testId="pairs-heatmap"
      title={title}
      description={
        data.N
          ? t("chartDescription", {
              n: format.number(data.N),
              brokers: data.brokers.length,
              officers: data.officers.length,
            })
          : null
      }
      tableLabel={t("tableView")}
      empty={data.cells.length ? null : t("empty")}
      table={{
        caption: title,
        columns: [
          t("columns.broker"),
          t("columns.officer"),
          t("columns.nB"),
          t("columns.nO"),
          t("columns.nBo"),
          t("columns.expected"),
          t("columns.ratio"),
          t("columns.flag"),
        ],
        numeric: [false, false, true, true, true, true, true, false],
        rows: listed.map((c) => [
          c.brokerId,
          `${officerName.get(c.officerId)} (${c.officerId})`,
          format.number(data.brokers.find((b) => b.brokerId === c.brokerId)?.n ?? 0),
          format.number(data.officers.find((o) => o.officerId === c.officerId)?.n ?? 0),
          format.number(c.nBo),
          num(c.expected, 2),
          num(c.ratio, 2),
          c.flagId ? (
            <Link key="f" href={`/integrity/flags/${c.flagId}`} className="text-brand-700 hover:underline">
              {t("openFlag", { id: c.flagId })}
            </Link>
          ) : (
            "—"
          ),
        ]),
      }}
    >
      <HeatmapChart
        label={title}
        corner={t("corner")}
        rows={data.brokers.map((b) => ({
          id: b.brokerId,
          label: b.brokerId,
          sublabel: t("declarations", { count: b.n }),
        }))}
        columns={data.officers.map((o) => ({
          id: o.officerId,
          label: o.officerId,
          sublabel: `${o.fullName ?? o.officerId} · ${t("declarations", { count: o.n })}`,
        }))}
        cells={cells}
        legend={{
          title: t("legend.title"),
          below: t("legend.below"),
          above: t("legend.above"),
          flagged: t("legend.flagged"),
          ticks: ["⅛", "¼", "½", "1", "2", "4", "8"],
        }}
      />
    </ChartFigure>
  );
}
