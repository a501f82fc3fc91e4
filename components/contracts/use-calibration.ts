"use client";
// The state behind the forms' baseline panel: loads the baselines for the party and period chosen, proposes terms
// into the indicator rows, and previews the scores of the rows as typed.
import { useMemo, useState, useTransition } from "react";
import type { FormResult } from "@/lib/kernel/form-result";
import type { BaselineRequest, ContractBaselines } from "@/lib/contracts/contract-baselines";
import { previewScores } from "@/lib/contracts/score-preview";
import { KPI_CATALOGUE } from "@/lib/kpis/catalogue";
import { parseTypedNumber, typedNumber } from "@/lib/contracts/typed-number";
import { fromDisplay, toDisplay } from "@/components/format/kpi-format";
import type { IndicatorRowState } from "@/components/contracts/indicator-rows";

export type LoadBaselines = (
  payload: BaselineRequest,
) => Promise<{ result: FormResult; baselines: ContractBaselines | null }>;

export function useCalibration(
  rows: IndicatorRowState[],
  setRows: (rows: IndicatorRowState[]) => void,
  load: LoadBaselines,
) {
  const [baselines, setBaselines] = useState<ContractBaselines | null>(null);
  const [result, setResult] = useState<FormResult>({ status: "idle" });
  const [loading, startLoading] = useTransition();

  function loadFor(request: Omit<BaselineRequest, "kpiIds">) {
    startLoading(async () => {
      const answer = await load({ ...request, kpiIds: rows.map((r) => r.kpiId).filter(Boolean) as never[] });
      setResult(answer.result);
      setBaselines(answer.baselines);
    });
  }

  function propose() {
    if (!baselines) return;
    setRows(
      rows.map((r) => {
        const proposal = baselines.indicators.find((i) => i.kpiId === r.kpiId)?.proposal;
        return proposal
          ? {
              ...r,
              threshold: typedNumber(toDisplay(r.kpiId, proposal.threshold)),
              target: typedNumber(toDisplay(r.kpiId, proposal.target)),
            }
          : r;
      }),
    );
  }

  const preview = useMemo(() => {
    if (!baselines?.reference) return null;
    const terms = rows.flatMap((r) => {
      const direction = KPI_CATALOGUE.find((k) => k.id === r.kpiId)?.direction;
      const [threshold, target, weight, minVolume] = [r.threshold, r.target, r.weight, r.minVolume].map(
        parseTypedNumber,
      ) as [number, number, number, number];
      if (!direction || direction === "context" || ![threshold, target, weight, minVolume].every(Number.isFinite))
        return [];
      return [
        {
          kpiId: r.kpiId,
          direction,
          threshold: fromDisplay(r.kpiId, threshold),
          target: fromDisplay(r.kpiId, target),
          weight,
          minVolume,
        },
      ];
    });
    return previewScores(terms, baselines.subjects);
  }, [rows, baselines]);

  return { baselines, result, loading, loadFor, propose, preview };
}
