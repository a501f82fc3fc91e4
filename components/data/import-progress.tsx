"use client";
// Progress of an import, polled live from /api/imports/:id while it runs; when it ends the page re-renders on the
// server with its counts and quality report.
import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { ProgressBar } from "@/components/data/progress-bar";
import { phaseLabel } from "@/components/data/phase-label";
import { isFinalStatus, readJson, useJobPolling } from "@/components/jobs/use-job-polling";

type Status = { status: string; progress: number; phase: string | null };

export function ImportProgress({ id, initial }: { id: number; initial: Status }) {
  const t = useTranslations("data");
  const read = useCallback(() => readJson<Status>(`/api/imports/${id}`), [id]);
  const state = useJobPolling(isFinalStatus(initial.status) ? null : read, (s) => isFinalStatus(s.status), 700) ?? initial;

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-live="polite">
      <ProgressBar value={state.progress} label={phaseLabel(t, state.status, state.phase)} />
    </div>
  );
}
