// The Benford chart of one broker and period, with the MAD against Nigrini's ranges and its table view.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { benfordChart } from "@/lib/integrity/benford-chart";
import { NIGRINI_BANDS } from "@/lib/integrity/benford";
import { ChartFigure } from "@/components/charts/chart-figure";
import { BenfordChart } from "@/components/charts/benford-chart";
import { formatPeriod } from "@/components/integrity/period-label";

export async function BenfordView({
  user,
  brokerId,
  from,
  to,
}: {
  user: SessionUser;
  brokerId: string;
  from: string;
  to: string;
}) {
  const [t, tp, format, data] = await Promise.all([
    getTranslations("integrity.benford"),
    getTranslations("integrity.period"),
    getFormatter(),
    benfordChart(user, { brokerId, from, to }),
  ]);
  const pct = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 });
  const mad = (v: number) => format.number(v, { minimumFractionDigits: 4, maximumFractionDigits: 4 });
  const title = t("chartTitle", { broker: brokerId, period: formatPeriod(format, tp, from, to) });
  return (
    <ChartFigure
      testId="benford-chart"
      title={title}
      description={
        data.mad === null ? null : (
          <div className="space-y-2">
            <p>
              {t("chartDescription", {
                n: format.number(data.total),
                orders: format.number(data.ordersOfMagnitude ?? 0, { maximumFractionDigits: 1 }),
              })}{" "}
              {data.officeCode ? t("officeOnly", { office: data.officeCode }) : t("allOffices")}
            </p>
            <p className="flex flex-wrap items-center gap-2" data-testid="benford-mad">
              <span className="font-semibold text-slate-900">{t("mad", { mad: mad(data.mad) })}</span>
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-medium ${data.band === "nonconformity" ? "bg-red-50 text-red-800" : data.band === "marginal" ? "bg-amber-50 text-amber-900" : "bg-emerald-50 text-emerald-800"}`}
              >
                {t(`bands.${data.band!}`)}
              </span>
              {data.flagIds.map((id) => (
                <Link
                  key={id}
                  href={`/integrity/flags/${id}`}
                  className="text-xs font-medium text-brand-700 hover:underline"
                >
                  {t("openFlag", { id })}
                </Link>
              ))}
            </p>
            <p className="text-xs text-slate-500">
              {t("nigrini", {
                close: mad(NIGRINI_BANDS[0]!.upTo),
                acceptable: mad(NIGRINI_BANDS[1]!.upTo),
                marginal: mad(NIGRINI_BANDS[2]!.upTo),
              })}
            </p>
          </div>
        )
      }
      tableLabel={t("tableView")}
      empty={data.total ? null : t("empty")}
      table={{
        caption: title,
        columns: [
          t("columns.digit"),
          t("columns.count"),
          t("columns.observed"),
          t("columns.expected"),
          t("columns.difference"),
        ],
        numeric: [true, true, true, true, true],
        rows: data.digits.map((d) => [
          String(d.digit),
          format.number(d.count),
          pct(d.observed),
          pct(d.expected),
          format.number((d.observed - d.expected) * 100, { maximumFractionDigits: 1, signDisplay: "exceptZero" }),
        ]),
      }}
    >
      <BenfordChart
        data={data.digits}
        label={title}
        names={{ observed: t("legend.observed"), expected: t("legend.expected"), digit: t("axis.digit") }}
      />
    </ChartFigure>
  );
}
