"use client";
// Progress of a selectivity or risk run, polled from its status route while it is queued or running; when it ends
// the page re-renders on the server with the new results (as the import progress does).
import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { ProgressBar } from "@/components/data/progress-bar";
import { isFinalStatus, readJson, useJobPolling } from "@/components/jobs/use-job-polling";

type Status = { status: string; progress: number };

export function RunProgress({ endpoint, initial, label }: { endpoint: string; initial: Status; label: string }) {
  const t = useTranslations("risk.runs");
  const read = useCallback(() => readJson<Status>(endpoint), [endpoint]);
  const state =
    useJobPolling(isFinalStatus(initial.status) ? null : read, (s) => isFinalStatus(s.status), 1000) ?? initial;

  return (
    <div aria-live="polite" data-testid="run-progress" data-status={state.status}>
      <ProgressBar value={state.progress} label={`${label} · ${t(`status.${state.status}`)}`} />
    </div>
  );
}
