// One quarterly evaluation as a document: the frozen scorecard, the decision and comments, the fingerprint of the
// inputs and the appeal, as recorded. Nothing here is recomputed: it is the snapshot.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ContractDetail } from "@/lib/contracts/get-contract-detail";
import { DecisionBadge } from "@/components/contracts/badges";
import { ScorecardTable } from "@/components/contracts/scorecard-table";
import { PrintStyles } from "@/components/ui/print-styles";
import { PrintButton } from "@/components/ui/print-button";
import { formatDay, formatQuarter } from "@/components/format/kpi-format";
import { partyLabel } from "@/components/contracts/party-label";
import { isoDate } from "@/lib/kernel/calendar";

export async function EvaluationPrintView({
  detail,
  evaluation,
}: {
  detail: ContractDetail;
  evaluation: ContractDetail["evaluations"][number];
}) {
  const [t, format, locale] = await Promise.all([getTranslations("contracts"), getFormatter(), getLocale()]);
  const c = detail.contract;
  const e = evaluation;
  const quarter = formatQuarter(t, e.snapshot.quarter);
  const day = (d: Date) => formatDay(format, isoDate(d));
  const party = partyLabel(t, {
    type: c.partyType,
    officerId: c.partyOfficerId,
    name: c.partyOfficer?.fullName ?? null,
    unit: c.partyUnit,
  });
  return (
    <article
      lang={locale}
      className="mx-auto max-w-4xl space-y-6 bg-white p-6 text-slate-900 print:p-0"
      data-testid="evaluation-print"
    >
      <PrintStyles />
      <div className="flex items-start justify-between gap-4 border-b border-slate-300 pb-4">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("print.evaluationTitle")}</p>
          <h1 className="mt-1 text-2xl font-semibold">
            {t("evaluations.heading", { quarter, from: day(e.periodFrom), to: day(e.periodTo) })}
          </h1>
          <p className="mt-1 text-sm text-slate-700">
            {c.title} · {t("contractRef", { contractNo: c.contractNo, version: e.version })} ·{" "}
            {t(`party.type.${c.partyType}`)} · {party} · {c.officeCode}
          </p>
        </div>
        <div className="flex flex-col items-end gap-2">
          <DecisionBadge decision={e.decision} />
          <PrintButton label={t("print.print")} />
        </div>
      </div>
      <p className="text-sm text-slate-700">
        {t("evaluations.evaluatedBy", {
          name: e.evaluatorName ?? "—",
          date: format.dateTime(e.createdAt, { dateStyle: "long" }),
        })}
      </p>
      <ScorecardTable
        scorecard={e.snapshot.scorecard}
        caption={t("evaluations.snapshotCaption", { quarter })}
        testId="print-evaluation-scorecard"
      />
      <section className="print-keep space-y-1 text-sm">
        <h2 className="text-base font-semibold">{t("evaluations.comments")}</h2>
        <p className="whitespace-pre-line">{e.comments}</p>
      </section>
      {e.appealedAt ? (
        <section className="print-keep space-y-1 rounded-md border border-slate-300 p-4 text-sm">
          <p className="font-semibold">
            {t("evaluations.appealed", { date: format.dateTime(e.appealedAt, { dateStyle: "long" }) })}
          </p>
          <p>
            {t("labelled", { label: t("evaluations.appealReason") })} {e.appealReason}
          </p>
          {e.appealOutcome ? (
            <>
              <p className="font-semibold">{t(`appealOutcome.${e.appealOutcome}`)}</p>
              <p className="text-slate-700">
                {t("evaluations.appealDecidedBy", {
                  name: e.deciderName ?? "—",
                  date: e.appealDecidedAt ? format.dateTime(e.appealDecidedAt, { dateStyle: "long" }) : "",
                })}
              </p>
              {e.appealComments ? (
                <p>
                  {t("labelled", { label: t("evaluations.appealComments") })} {e.appealComments}
                </p>
              ) : null}
            </>
          ) : (
            <p>{t("evaluations.appealPending")}</p>
          )}
        </section>
      ) : null}
      <section className="print-keep space-y-1 text-xs text-slate-700">
        <p className="font-semibold">{t("evaluations.hash")}</p>
        <p className="break-all font-mono">{e.inputsHash}</p>
        <p>
          {t("evaluations.hashHint")}
          {e.snapshot.lastImportId !== null
            ? ` ${t("evaluations.dataAsOf", { importId: e.snapshot.lastImportId })}`
            : ""}
        </p>
      </section>
      <p className="border-t border-slate-300 pt-3 text-xs text-slate-600">
        {t("print.generated", { date: format.dateTime(new Date(), { dateStyle: "long", timeStyle: "short" }) })}
      </p>
    </article>
  );
}
