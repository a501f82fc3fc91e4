"use client";
// The state behind the forms' baseline panel: loads the baselines for the party and period chosen, proposes terms
// into the indicator rows, and previews the scores of the rows as typed. A row scored on observed/expected takes
// the proposal from the group's O/E and is previewed on each subject's O/E, as an evaluation would score it.
import { useMemo, useState, useTransition } from "react";
import type { FormResult } from "@/lib/kernel/form-result";
import type { BaselineRequest, ContractBaselines } from "@/lib/contracts/contract-baselines";
import { previewScores } from "@/lib/contracts/score-preview";
import { KPI_CATALOGUE } from "@/lib/kpis/catalogue";
import { typedNumber } from "@/lib/contracts/typed-number";
import { toDisplay } from "@/components/format/kpi-format";
import { effectiveBasis, termsFromRows, type IndicatorRowState } from "@/components/contracts/indicator-terms";

export type LoadBaselines = (
  payload: BaselineRequest,
) => Promise<{ result: FormResult; baselines: ContractBaselines | null }>;

export function useCalibration(
  rows: IndicatorRowState[],
  setRows: (rows: IndicatorRowState[]) => void,
  load: LoadBaselines,
  // Whether O/E is offered (one officer's contract, or a template applied to a unit's officers).
  officerParty: boolean,
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
        const basis = effectiveBasis(r, officerParty);
        const baseline = baselines.indicators.find((i) => i.kpiId === r.kpiId);
        const proposal = basis === "OE" ? baseline?.oe?.proposal : baseline?.proposal;
        return proposal
          ? {
              ...r,
              threshold: typedNumber(toDisplay(r.kpiId, proposal.threshold, basis)),
              target: typedNumber(toDisplay(r.kpiId, proposal.target, basis)),
            }
          : r;
      }),
    );
  }

  const preview = useMemo(() => {
    if (!baselines?.reference) return null;
    // The terms the form would send (termsFromRows), so the preview scores what would be saved.
    const terms = termsFromRows(rows, officerParty).flatMap((r) => {
      const direction = KPI_CATALOGUE.find((k) => k.id === r.kpiId)?.direction;
      if (
        !direction ||
        direction === "context" ||
        ![r.threshold, r.target, r.weight, r.minVolume].every(Number.isFinite)
      )
        return [];
      return [{ ...r, direction }];
    });
    return previewScores(terms, baselines.subjects);
  }, [rows, baselines, officerParty]);

  return { baselines, result, loading, loadFor, propose, preview };
}
