// The funnel plot of one rate KPI for one office and period, with its table view (officers, n, rate, where they
// fall against the limits, their flag). Loads its own data, so pages stream it behind a Suspense boundary.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { funnelData } from "@/lib/integrity/funnel-data";
import type { RATE_KPIS } from "@/lib/integrity/schema";
import { ChartFigure } from "@/components/charts/chart-figure";
import { FunnelChart, type FunnelChartPoint } from "@/components/charts/funnel-chart";
import { formatPeriod } from "@/components/integrity/period-label";

type Props = {
  user: SessionUser;
  kpiId: (typeof RATE_KPIS)[number];
  officeCode: string;
  from: string;
  to: string;
  highlightOfficer?: string;
};

export async function FunnelView({ user, kpiId, officeCode, from, to, highlightOfficer }: Props) {
  const [t, te, tp, format, data] = await Promise.all([
    getTranslations("integrity.funnel"),
    getTranslations("explore"),
    getTranslations("integrity.period"),
    getFormatter(),
    funnelData(user, { kpiId, officeCode, from, to }),
  ]);
  const pct = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 });
  const title = t("chartTitle", {
    kpi: `${kpiId} · ${te(`names.${kpiId}`)}`,
    office: officeCode,
    period: formatPeriod(format, tp, from, to),
  });
  const points: FunnelChartPoint[] = data.officers.map((o) => ({
    n: o.n,
    p: o.p,
    label: `${o.fullName} (${o.officerId})`,
    group: o.flagId ? "flagged" : o.band,
    highlighted: o.officerId === highlightOfficer,
    name: o.fullName,
  }));
  const od = data.overdispersion;
  const overdispersionNote = od
    ? od.tau2 > 0
      ? t("overdispersion", {
          phi: format.number(od.phi, { maximumFractionDigits: 2 }),
          tau: pct(od.tau),
          officers: od.officers,
        })
      : t("noOverdispersion", { phi: format.number(od.phi, { maximumFractionDigits: 2 }), officers: od.officers })
    : null;
  const empty = data.p0 === null || !data.officers.length ? t("empty") : null;
  return (
    <ChartFigure
      testId="funnel-chart"
      title={title}
      description={
        data.p0 === null ? null : (
          <>
            {t("chartDescription", {
              p0: pct(data.p0),
              n: format.number(data.officeN),
              officers: data.officers.length,
            })}
            {overdispersionNote ? (
              <span className="mt-1 block" data-testid="funnel-overdispersion">
                {overdispersionNote}
              </span>
            ) : null}
          </>
        )
      }
      tableLabel={t("tableView")}
      empty={empty}
      table={{
        caption: title,
        columns: [
          t("columns.officer"),
          t("columns.n"),
          t("columns.numerator"),
          t("columns.rate"),
          t("columns.band"),
          t("columns.overdispersedBand"),
          t("columns.flag"),
        ],
        numeric: [false, true, true, true, false, false, false],
        rows: data.officers.map((o) => [
          `${o.fullName} (${o.officerId})`,
          format.number(o.n),
          format.number(o.numerator),
          pct(o.p),
          t(`bands.${o.band}`),
          t(`bands.${o.overdispersedBand}`),
          o.flagId ? (
            <Link key="f" href={`/integrity/flags/${o.flagId}`} className="text-brand-700 hover:underline">
              {t("openFlag", { id: o.flagId })}
            </Link>
          ) : (
            "—"
          ),
        ]),
      }}
    >
      <FunnelChart
        points={points}
        curve={data.curve}
        p0={data.p0 ?? 0}
        label={title}
        names={{
          officers: {
            flagged: t("legend.flagged"),
            alarm: t("legend.alarm"),
            warning: t("legend.warning"),
            inside: t("legend.inside"),
            better: t("legend.better"),
          },
          p0: t("legend.p0"),
          limit2: t("legend.limit2"),
          limit3: t("legend.limit3"),
          limit2od: t("legend.limit2od"),
          limit3od: t("legend.limit3od"),
          focus: t("legend.focus"),
          n: t("axis.n"),
          rate: t("axis.rate"),
        }}
      />
    </ChartFigure>
  );
}
