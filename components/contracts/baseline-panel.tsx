"use client";
// Calibration beside the indicator rows of the contract and template forms: loads the baselines of the reference
// period, proposes thresholds and targets from them (lib/contracts/calibration.ts) and previews the score the terms
// being typed would have given over that period: the party's own, or for a template applied to a unit everyone's,
// as a histogram with the median and interquartile range.
import { useFormatter, useTranslations } from "next-intl";
import type { ContractBaselines } from "@/lib/contracts/contract-baselines";
import type { ScorePreview } from "@/lib/contracts/score-preview";
import { Button } from "@/components/ui/button";
import { formatDay, formatScore } from "@/components/format/kpi-format";

export function BaselinePanel({
  baselines,
  preview,
  loading,
  canLoad,
  onLoad,
  onPropose,
  perOfficer,
}: {
  baselines: ContractBaselines | null;
  preview: ScorePreview | null;
  loading: boolean;
  canLoad: boolean;
  onLoad: () => void;
  onPropose: () => void;
  perOfficer: boolean;
}) {
  const t = useTranslations("contracts.calibration");
  const format = useFormatter();
  const score = (v: number | null) => formatScore(format, v, 100);
  const notEvaluable = preview ? Object.values(preview.notEvaluable).reduce((a, b) => a + b, 0) : 0;
  const maxBin = preview ? Math.max(1, ...preview.histogram.map((b) => b.count)) : 1;
  return (
    <div className="space-y-3 rounded-md border border-sky-200 bg-sky-50/60 p-4 text-sm" data-testid="baseline-panel">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={onLoad} disabled={!canLoad || loading}>
          {loading ? t("loading") : baselines ? t("reload") : t("load")}
        </Button>
        <Button variant="secondary" onClick={onPropose} disabled={!baselines?.reference}>
          {t("propose")}
        </Button>
        {!canLoad ? <span className="text-slate-600">{t("needParty")}</span> : null}
      </div>
      {baselines ? (
        baselines.reference ? (
          <p className="text-slate-700">
            {t("reference", {
              from: formatDay(format, baselines.reference.from),
              to: formatDay(format, baselines.reference.to),
            })}{" "}
            {t(`group.${baselines.group.kind}`, { id: baselines.group.id, count: baselines.group.size })} {t("rule")}
          </p>
        ) : (
          <p className="text-slate-700">{t("noData")}</p>
        )
      ) : (
        <p className="text-slate-600">{t("intro")}</p>
      )}
      {preview && baselines?.reference ? (
        <div data-testid="score-preview" className="space-y-2">
          <h3 className="font-semibold text-slate-900">{t("previewTitle")}</h3>
          {perOfficer ? (
            <>
              <p>
                {preview.distribution
                  ? t("previewUnit", {
                      median: score(preview.distribution.median),
                      q1: score(preview.distribution.q1),
                      q3: score(preview.distribution.q3),
                      count: preview.scores.filter((s) => s.overall !== null).length,
                    })
                  : t("previewNone")}
              </p>
              <div className="flex h-20 items-end gap-1" role="img" aria-label={t("histogramLabel")}>
                {preview.histogram.map((b) => (
                  <div key={b.from} className="flex flex-1 flex-col items-center justify-end">
                    <span className="text-[10px] text-slate-600">{b.count || ""}</span>
                    <div className="w-full rounded-t bg-sky-600" style={{ height: `${(b.count / maxBin) * 56}px` }} />
                    <span className="text-[10px] text-slate-500">{b.from}</span>
                  </div>
                ))}
              </div>
            </>
          ) : (
            <p>{preview.scores[0] ? t("previewOwn", { score: score(preview.scores[0].overall) }) : t("previewNone")}</p>
          )}
          <p className={notEvaluable ? "text-amber-800" : "text-slate-600"}>
            {t("notEvaluable", { count: notEvaluable })}
          </p>
        </div>
      ) : null}
    </div>
  );
}
