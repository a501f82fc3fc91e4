// Quarterly evaluations of the contract (all its versions): each frozen scorecard with its decision, fingerprint
// and appeal, the party's appeal form and a second manager's decision form; and for managers the form to
// evaluate the next quarter that is over, previewing the scorecard it will freeze.
import { getFormatter, getTranslations } from "next-intl/server";
import type { ContractDetail } from "@/lib/contracts/get-contract-detail";
import { DecisionBadge } from "@/components/contracts/badges";
import { ScorecardTable } from "@/components/contracts/scorecard-table";
import { EvaluationForm } from "@/components/contracts/evaluation-form";
import { AppealForm, DecideAppealForm } from "@/components/contracts/appeal-forms";
import { formatDay, formatQuarter, formatScore } from "@/components/format/kpi-format";
import type { FormAction } from "@/components/forms/use-form-action";
import type { Scorecard } from "@/lib/contracts/scoring";
import { isoDate } from "@/lib/kernel/calendar";

export type EvaluationActions = { evaluate: FormAction; appeal: FormAction; decide: FormAction };

export async function EvaluationsSection({
  detail,
  previews,
  act,
  pdfBase,
}: {
  detail: ContractDetail;
  previews: { quarter: string; scorecard: Scorecard }[];
  act: EvaluationActions;
  pdfBase: string;
}) {
  const [t, format] = await Promise.all([getTranslations("contracts"), getFormatter()]);
  const day = (d: Date) => formatDay(format, isoDate(d));
  const canEvaluate = detail.actions.includes("evaluate");
  return (
    <section aria-labelledby="evaluations-title" className="space-y-4">
      <h2 id="evaluations-title" className="text-lg font-semibold text-slate-900">
        {t("detail.evaluationsTitle")}
      </h2>
      {detail.evaluations.length === 0 ? (
        <p className="text-sm text-slate-600">{t("detail.evaluationsEmpty")}</p>
      ) : null}
      {detail.evaluations.map((e) => {
        const quarter = formatQuarter(t, e.snapshot.quarter);
        return (
          <article
            key={e.id}
            className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:shadow-none"
            data-evaluation={e.id}
            aria-label={quarter}
          >
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <h3 className="font-semibold text-slate-900">
                  {t("evaluations.heading", { quarter, from: day(e.periodFrom), to: day(e.periodTo) })}
                  {e.version !== detail.contract.version ? (
                    <span className="ml-2 text-xs font-normal text-slate-500">
                      {t("reviews.versionTag", { version: e.version })}
                    </span>
                  ) : null}
                </h3>
                <p className="text-xs text-slate-600">
                  {t("evaluations.evaluatedBy", {
                    name: e.evaluatorName ?? "—",
                    date: format.dateTime(e.createdAt, { dateStyle: "medium" }),
                  })}
                </p>
              </div>
              <div className="flex items-center gap-3">
                <span className="text-sm text-slate-700">
                  {t("labelled", { label: t("evaluations.overall") })}{" "}
                  <strong className="tabular-nums">{formatScore(format, e.overallScore, 100)}</strong>
                </span>
                <DecisionBadge decision={e.decision} />
                <a
                  href={`${pdfBase}/evaluations/${e.id}/pdf`}
                  className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline print:hidden"
                >
                  {t("evaluations.print")}
                </a>
              </div>
            </div>
            <p className="whitespace-pre-line text-sm text-slate-800">{e.comments}</p>
            <ScorecardTable
              scorecard={e.snapshot.scorecard}
              caption={t("evaluations.snapshotCaption", { quarter })}
              testId={`evaluation-${e.id}`}
              compact
            />
            <div className="text-xs text-slate-600">
              <p>
                <span className="font-semibold">{t("labelled", { label: t("evaluations.hash") })}</span>{" "}
                <code className="break-all rounded bg-slate-100 px-1 py-0.5 text-slate-800" data-testid="inputs-hash">
                  {e.inputsHash}
                </code>
              </p>
              <p className="mt-1">
                {t("evaluations.hashHint")}
                {e.snapshot.lastImportId !== null
                  ? ` ${t("evaluations.dataAsOf", { importId: e.snapshot.lastImportId })}`
                  : ""}
              </p>
            </div>
            {e.appealedAt ? (
              <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
                <p className="font-semibold text-slate-900">
                  {t("evaluations.appealed", { date: format.dateTime(e.appealedAt, { dateStyle: "medium" }) })}
                </p>
                <p className="mt-1 text-slate-700">
                  <span className="font-medium">{t("labelled", { label: t("evaluations.appealReason") })}</span>{" "}
                  {e.appealReason}
                </p>
                {e.appealOutcome ? (
                  <>
                    <p className="mt-2 font-semibold text-slate-900">{t(`appealOutcome.${e.appealOutcome}`)}</p>
                    <p className="text-xs text-slate-600">
                      {t("evaluations.appealDecidedBy", {
                        name: e.deciderName ?? "—",
                        date: e.appealDecidedAt ? format.dateTime(e.appealDecidedAt, { dateStyle: "medium" }) : "",
                      })}
                    </p>
                    {e.appealComments ? (
                      <p className="mt-1 text-slate-700">
                        <span className="font-medium">{t("labelled", { label: t("evaluations.appealComments") })}</span>{" "}
                        {e.appealComments}
                      </p>
                    ) : null}
                  </>
                ) : (
                  <p className="mt-2 text-slate-700">{t("evaluations.appealPending")}</p>
                )}
              </div>
            ) : null}
            {e.canAppeal ? <AppealForm evaluationId={e.id} action={act.appeal} /> : null}
            {e.canDecide ? <DecideAppealForm evaluationId={e.id} action={act.decide} /> : null}
          </article>
        );
      })}
      {canEvaluate ? (
        detail.evaluableQuarters.length ? (
          <EvaluationForm
            contractId={detail.contract.id}
            quarters={detail.evaluableQuarters.map((q) => ({
              value: q.quarter,
              label: t("evaluations.quarterOption", {
                quarter: formatQuarter(t, q.quarter),
                from: formatDay(format, q.period.from),
                to: formatDay(format, q.period.to),
              }),
            }))}
            previews={Object.fromEntries(
              previews.map((p) => [
                p.quarter,
                <ScorecardTable
                  key={p.quarter}
                  scorecard={p.scorecard}
                  caption={t("evaluations.preview", { quarter: formatQuarter(t, p.quarter) })}
                  compact
                />,
              ]),
            )}
            action={act.evaluate}
          />
        ) : (
          <p className="text-sm text-slate-600">{t("evaluations.noneDue")}</p>
        )
      ) : null}
    </section>
  );
}
