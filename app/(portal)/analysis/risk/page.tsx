// /analysis/risk?model= — risk feedback: the explainable risk models trained on labelled outcomes
// (inspections and closed cases' findings), the chosen model's evaluation as the fraud-detection literature
// reports it (precision@n with its interval, recall@n, revenue@n with and without the largest rows, against a
// random selection and the fraud share), its precision per office with the warning when an office fills the top
// because of its own factor, how its options were chosen by time, its factors, its drift month by month, and the
// highest scores of the latest month it scored with the factors that raised them. Everything is read from
// risk_models, risk_drift_checks and risk_scores; training, scoring and drift checks run as jobs (risk.train,
// risk.score, risk.drift).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireArea } from "@/lib/auth/guards";
import { latestRun } from "@/lib/analysis/analysis-runs";
import { AppError } from "@/lib/kernel/app-error";
import { monthsWithData } from "@/lib/kpis/queue-recomputation";
import {
  getRiskModelOrThrow,
  listRiskModels,
  officeConcentration,
  scoredMonths,
  topScores,
  type ModelDetail,
} from "@/lib/risk/risk-report";
import { driftChecks } from "@/lib/risk/risk-drift";
import { visibleOfficeCodes } from "@/lib/analysis/analysis-access";
import { TOP_SHARE } from "@/lib/risk/population-stability";
import { mayRequestAnalysisRuns } from "@/lib/risk/run-access";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { ChartIcon } from "@/components/ui/icons";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { ScopeNote } from "@/components/shell/scope-note";
import { ChartFigure } from "@/components/charts/chart-figure";
import { GroupedBarChart } from "@/components/charts/grouped-bar-chart";
import { formatDay, formatMonth } from "@/components/format/kpi-format";
import { RunPanel } from "@/components/risk/run-panel";
import { DriftForm, ScoreForm, TrainForm } from "@/components/risk/risk-run-forms";
import { EvaluationTable } from "@/components/risk/evaluation-table";
import { OfficePrecisionTable } from "@/components/risk/office-precision-table";
import { OptionSelectionTable } from "@/components/risk/option-selection";
import { DriftPanel } from "@/components/risk/drift-panel";
import { TopScoresTable } from "@/components/risk/top-scores-table";
import { selectivityFormat } from "@/components/selectivity/selectivity-format";
import { checkDriftAction, scoreRiskAction, trainRiskModelAction } from "@/app/(portal)/analysis/risk/actions";
import { TableFrame } from "@/components/ui/table-frame";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("risk.model"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const ModelQuery = z.object({
  model: z.preprocess(
    first,
    z
      .string()
      .regex(/^rm-[0-9a-f]{16}$/)
      .optional()
      .catch(undefined),
  ),
  month: z.preprocess(
    first,
    z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional()
      .catch(undefined),
  ),
});

const COLORS = { model: "#1f4fc4", random: "#94a3b8", expected: "#b45309" };

async function loadModel(id: string): Promise<ModelDetail> {
  try {
    return await getRiskModelOrThrow(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function RiskPage({ searchParams }: Props) {
  const user = await requireArea("analysis");
  const query = ModelQuery.parse(await searchParams);
  const [t, te, tf, to, ts, td, format, models, trainRun, scoreRun, driftRun, months] = await Promise.all([
    getTranslations("risk.model"),
    getTranslations("risk.evaluation"),
    getTranslations("risk.factors"),
    getTranslations("risk.offices"),
    getTranslations("risk.selection"),
    getTranslations("risk.drift"),
    getFormatter(),
    listRiskModels(),
    latestRun("RISK_TRAIN"),
    latestRun("RISK_SCORE"),
    latestRun("RISK_DRIFT"),
    monthsWithData(),
  ]);
  const f = selectivityFormat(format, await getTranslations("contracts"));
  const canRun = mayRequestAnalysisRuns(user);
  const selectedId = query.model ?? models[0]?.id;
  const model = selectedId ? await loadModel(selectedId) : null;
  const [scores, scored, drift] = model
    ? await Promise.all([
        topScores(user, model.id, { month: query.month }),
        scoredMonths(user, model.id),
        driftChecks(model.id),
      ])
    : [null, [], []];
  const concentration = model && scores?.month ? await officeConcentration(user, model.id, scores.month) : null;
  // Per-office figures of the evaluation: every office for national staff, their own offices for an office's staff.
  const visible = visibleOfficeCodes(user);
  const offices = (model?.evaluation?.test.offices ?? []).filter((o) => visible === null || visible.includes(o.office));
  const day = (d: string) => formatDay(format, d);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        <a href="/api/risk/labels.csv" className={buttonClasses("secondary")} download data-testid="labels-export">
          {t("labelsExport")}
        </a>
      </PageHeader>
      <ScopeNote user={user} />
      <div className="mb-8 grid gap-4">
        <RunPanel title={t("trainRun")} run={trainRun} endpoint="/api/risk/runs" testId="train-run" actionsBelow>
          {canRun ? <TrainForm action={trainRiskModelAction} /> : null}
        </RunPanel>
        <RunPanel title={t("driftRun")} run={driftRun} endpoint="/api/risk/runs" testId="drift-run">
          {canRun && model?.current ? <DriftForm action={checkDriftAction} modelId={model.id} /> : null}
        </RunPanel>
        <RunPanel title={t("scoreRun")} run={scoreRun} endpoint="/api/risk/runs" testId="score-run">
          {canRun && model ? (
            <ScoreForm
              action={scoreRiskAction}
              modelId={model.id}
              months={months
                .slice(-24)
                .toReversed()
                .map((m) => ({ value: m, label: formatMonth(format, m) }))}
            />
          ) : null}
        </RunPanel>
      </div>

      {!model ? (
        <EmptyState title={t("empty.title")} icon={<ChartIcon />}>
          <p>{t("empty.body")}</p>
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="models-title" className="mb-10 space-y-3">
            <h2 id="models-title" className="text-lg font-semibold text-slate-900">
              {t("models.title")}
            </h2>
            <TableFrame caption={t("models.title")} testId="models-table">
              <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("models.id")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("models.trained")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("models.window")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t("models.rows")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t("models.testRows")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t("models.precisionAt5")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {models.map((m) => (
                  <tr
                    key={m.id}
                    aria-current={m.id === model.id ? "true" : undefined}
                    className="aria-[current=true]:bg-brand-50"
                  >
                    <th scope="row" className="px-3 py-2 text-left font-mono text-xs font-medium">
                      <Link href={`/analysis/risk?model=${m.id}`} className="text-brand-700 hover:underline">
                        {m.id}
                      </Link>
                    </th>
                    <td className="px-3 py-2">
                      {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </td>
                    <td className="px-3 py-2">
                      {t("models.windowValue", { from: day(m.trainFrom), to: day(m.trainTo) })}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{f.count(m.rows)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {m.testRows === null ? "—" : f.count(m.testRows)}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{f.percent(m.precisionAt5)}</td>
                  </tr>
                ))}
              </tbody>
            </TableFrame>
          </section>

          <section
            aria-labelledby="evaluation-title"
            className="mb-10 space-y-4"
            data-testid="evaluation"
            data-model={model.id}
          >
            <h2 id="evaluation-title" className="text-lg font-semibold text-slate-900">
              {te("title", { id: model.id })}
            </h2>
            {model.evaluation ? (
              <>
                <p className="max-w-4xl text-sm leading-relaxed text-slate-700" data-testid="evaluation-split">
                  {te("split", {
                    trainRows: f.count(model.rows),
                    trainFrom: day(model.evaluation.split.train.from),
                    trainTo: day(model.evaluation.split.train.to),
                    testRows: f.count(model.evaluation.test.rows),
                    testFrom: day(model.evaluation.split.test!.from),
                    testTo: day(model.evaluation.split.test!.to),
                    illicit: f.count(model.evaluation.test.illicit),
                    baseRate: f.percent(model.evaluation.test.baseRate),
                  })}
                </p>
                {model.evaluation.test.auc !== undefined && model.evaluation.test.auc !== null ? (
                  <p className="text-sm text-slate-700" data-testid="evaluation-auc">
                    {te("auc", { auc: format.number(model.evaluation.test.auc, { maximumFractionDigits: 3 }) })}
                  </p>
                ) : null}
                <EvaluationTable evaluation={model.evaluation.test} caption={te("caption")} />
                {model.evaluation.test.largest ? (
                  <p className="max-w-4xl text-xs leading-relaxed text-slate-600" data-testid="evaluation-largest">
                    {te("largest", {
                      rows: f.count(model.evaluation.test.largest.rows),
                      share: f.percent(model.evaluation.test.largest.revenueShare),
                    })}
                  </p>
                ) : null}
                <div className="grid gap-4 lg:grid-cols-2">
                  {(["precision", "recall"] as const).map((metric) => {
                    // The third bar: for precision the fraud share (what a random pick finds), for recall n over N.
                    const third = te(metric === "precision" ? "fraudShare" : "expected");
                    const perN = model.evaluation!.test.perN;
                    return (
                      <ChartFigure
                        key={metric}
                        title={te(`${metric}Chart`)}
                        description={te(`${metric}ChartBody`)}
                        tableLabel={te("tableLabel")}
                        table={{
                          caption: te(`${metric}Chart`),
                          columns: [te("n"), te("model"), te("random"), third],
                          numeric: [false, true, true, true],
                          rows: perN.map((r) => [
                            te("nValue", { n: r.n }),
                            f.percent(r.model[metric]),
                            f.percent(r.random[metric]),
                            f.percent(r.expectedRandom[metric]),
                          ]),
                        }}
                        empty={null}
                        testId={`chart-${metric}`}
                      >
                        <GroupedBarChart
                          data={perN.map((r) => ({
                            n: te("nShort", { n: r.n }),
                            model: pct(r.model[metric]),
                            random: pct(r.random[metric]),
                            expected: pct(r.expectedRandom[metric]),
                          }))}
                          index="n"
                          unit=" %"
                          series={[
                            { key: "model", name: te("model"), color: COLORS.model },
                            { key: "random", name: te("random"), color: COLORS.random },
                            { key: "expected", name: third, color: COLORS.expected },
                          ]}
                          label={te(`${metric}Chart`)}
                        />
                      </ChartFigure>
                    );
                  })}
                </div>
                <p className="text-xs leading-relaxed text-slate-600">
                  {te("legend", { seed: model.evaluation.test.randomSeed })}
                </p>
              </>
            ) : (
              <Notice tone="info">{te("none")}</Notice>
            )}
          </section>

          {offices.length ? (
            <section aria-labelledby="offices-title" className="mb-10 space-y-3" data-testid="offices">
              <h2 id="offices-title" className="text-lg font-semibold text-slate-900">
                {to("title")}
              </h2>
              {visible !== null ? <p className="text-sm text-slate-600">{to("scoped")}</p> : null}
              <OfficePrecisionTable offices={offices} n={TOP_SHARE} />
            </section>
          ) : null}

          {model.selection ? (
            <section aria-labelledby="selection-title" className="mb-10 space-y-3" data-testid="selection">
              <h2 id="selection-title" className="text-lg font-semibold text-slate-900">
                {ts("title")}
              </h2>
              <OptionSelectionTable selection={model.selection} />
            </section>
          ) : null}

          <section aria-labelledby="factors-title" className="mb-10 space-y-3">
            <h2 id="factors-title" className="text-lg font-semibold text-slate-900">
              {tf("title")}
            </h2>
            <p className="max-w-4xl text-sm leading-relaxed text-slate-700">
              {tf("body", {
                rows: f.count(model.rows),
                positives: f.count(model.positives),
                inspections: f.count(model.sources.inspections),
                cases: f.count(model.sources.caseFindings),
              })}
            </p>
            <TableFrame caption={tf("title")} testId="factors-table">
              <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {tf("factor")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {tf("coefficient")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {tf("levels")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {tf("reads")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {model.features.map((x) => (
                  <tr key={x.factor}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {tf(`names.${x.factor}`)}
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{f.decimal(x.coefficient, 3)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{x.levels === null ? "—" : f.count(x.levels)}</td>
                    <td className="px-3 py-2 text-slate-600">{tf(`reading.${x.factor}`)}</td>
                  </tr>
                ))}
              </tbody>
            </TableFrame>
          </section>

          <section id="drift" aria-labelledby="drift-title" className="mb-10 space-y-3" data-testid="drift">
            <h2 id="drift-title" className="text-lg font-semibold text-slate-900">
              {td("title")}
            </h2>
            <DriftPanel checks={drift} referenceTopFactors={model.driftTopFactors} />
          </section>

          <section aria-labelledby="scores-title" className="space-y-3">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <h2 id="scores-title" className="text-lg font-semibold text-slate-900">
                {scores?.month
                  ? t("scores.title", { month: formatMonth(format, scores.month) })
                  : t("scores.titleNone")}
              </h2>
              {scored.length > 1 ? (
                <form method="get" className="flex items-end gap-2" aria-label={t("scores.monthLabel")}>
                  <input type="hidden" name="model" value={model.id} />
                  <div className="flex flex-col gap-1.5">
                    <label htmlFor="scores-month" className="text-sm font-medium text-slate-800">
                      {t("scores.month")}
                    </label>
                    <select id="scores-month" name="month" defaultValue={scores?.month ?? ""} className={inputClasses}>
                      {scored.map((m) => (
                        <option key={m} value={m}>
                          {formatMonth(format, m)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" className={buttonClasses("secondary")}>
                    {t("scores.show")}
                  </button>
                </form>
              ) : null}
            </div>
            {scores?.rows.length ? (
              <>
                <p className="text-sm text-slate-600">
                  {t("scores.body", { shown: f.count(scores.rows.length), total: f.count(scores.total) })}
                </p>
                {concentration?.offices
                  .filter((o) => o.dominates)
                  .map((o) => (
                    <Notice key={o.officeCode} tone="warning">
                      <span data-testid="concentration-warning" data-office={o.officeCode}>
                        {t("scores.concentration", {
                          office: o.officeCode,
                          share: f.percent(concentration.top ? o.selected / concentration.top : null),
                          selected: f.count(o.selected),
                          top: f.count(concentration.top),
                          rows: f.percent(o.rows / concentration.total),
                          first: f.count(o.officeFactorFirst),
                        })}
                      </span>
                    </Notice>
                  ))}
                <TopScoresTable
                  rows={scores.rows}
                  caption={t("scores.title", { month: formatMonth(format, scores.month!) })}
                />
                <p className="text-xs leading-relaxed text-slate-600">{t("scores.legend")}</p>
              </>
            ) : (
              <p className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">
                {t("scores.empty")}
              </p>
            )}
          </section>
        </>
      )}
    </>
  );
}

function pct(v: number | null): number | null {
  return v === null ? null : Math.round(v * 1000) / 10;
}
