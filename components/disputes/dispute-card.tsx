// One dispute as both sides read it: the indicator and month, the value the officer saw, their reason and the
// declarations named (each linked to its record), then the manager's answer once given. The answer form, for a
// manager who may answer, comes in as children.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { DisputeRow } from "@/lib/disputes/list-disputes";
import { formatKpiValue, formatMonth } from "@/components/format/kpi-format";
import { DisputeStatusBadge } from "@/components/disputes/dispute-status-badge";

const link = "font-medium text-brand-700 underline-offset-2 hover:underline";

export async function DisputeCard({
  dispute: d,
  contractHref,
  showOfficer,
  children,
}: {
  dispute: DisputeRow;
  contractHref: string;
  showOfficer: boolean;
  children?: React.ReactNode;
}) {
  const [t, tc, format] = await Promise.all([
    getTranslations("disputes.item"),
    getTranslations("contracts"),
    getFormatter(),
  ]);
  const kpi = `${tc(`kpis.${d.kpiId}.name`)} (${d.kpiId})`;
  const value = (v: number | null) => formatKpiValue(format, tc, d.kpiId, v);
  const date = (at: Date) => format.dateTime(at, { dateStyle: "medium" });
  const row = "grid gap-1 sm:grid-cols-[11rem_1fr]";
  return (
    <article
      className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      data-dispute={d.id}
      data-dispute-status={d.status}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-base font-semibold text-slate-900">
          {t("heading", { kpi, month: formatMonth(format, d.month) })}
        </h3>
        <DisputeStatusBadge status={d.status} />
      </div>
      <p className="mt-1 text-xs text-slate-600">{t("filed", { date: date(d.createdAt) })}</p>
      <dl className="mt-3 space-y-2">
        {showOfficer ? (
          <div className={row}>
            <dt className="text-slate-600">{t("officer")}</dt>
            <dd className="font-medium text-slate-900">
              {d.officerName ?? d.officerId} <span className="font-normal text-slate-500">({d.officerId})</span>
            </dd>
          </div>
        ) : null}
        <div className={row}>
          <dt className="text-slate-600">{t("contract")}</dt>
          <dd>
            <Link href={contractHref} className={link}>
              {d.contract.title}
            </Link>{" "}
            <span className="text-slate-500">
              · {t("contractRef", { contractNo: d.contract.contractNo, version: d.contract.version })}
            </span>
          </dd>
        </div>
        <div className={row}>
          <dt className="text-slate-600">{t("seen")}</dt>
          <dd className="tabular-nums text-slate-900" data-seen-value={d.seenValue ?? ""}>
            {t("seenValue", { value: value(d.seenValue), n: format.number(d.seenDenominator ?? 0) })}
          </dd>
        </div>
        <div className={row}>
          <dt className="text-slate-600">{t("reason")}</dt>
          <dd className="whitespace-pre-line text-slate-900">{d.reason}</dd>
        </div>
        <div className={row}>
          <dt className="text-slate-600">{t("declarations")}</dt>
          <dd>
            {d.declIds.length ? (
              <ul className="flex flex-wrap gap-x-3 gap-y-1 font-mono text-xs">
                {d.declIds.map((id) => (
                  <li key={id}>
                    <Link href={`/explore/declarations/${encodeURIComponent(id)}`} className={link}>
                      {id}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-slate-500">{t("noDeclarations")}</span>
            )}
          </dd>
        </div>
      </dl>
      {d.answer !== null && d.answeredAt !== null ? (
        <div className="mt-4 rounded-md border border-slate-200 bg-slate-50 p-3" data-dispute-answer>
          <p className="text-xs text-slate-600">
            {t("answeredBy", { name: d.answeredByName ?? "—", date: date(d.answeredAt) })}
          </p>
          {d.correctedValue !== null ? (
            <p className="mt-1 text-slate-900">
              <span className="font-semibold">{tc("labelled", { label: t("correctedValue") })}</span>{" "}
              <span className="tabular-nums">{value(d.correctedValue)}</span>
            </p>
          ) : null}
          <p className="mt-1 whitespace-pre-line text-slate-900">
            <span className="font-semibold">{tc("labelled", { label: t("answer") })}</span> {d.answer}
          </p>
        </div>
      ) : null}
      {children}
    </article>
  );
}
