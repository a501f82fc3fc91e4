"use client";
// "Compute" for a TRS period or a mirror year: asks the server for the computation (an analysis run and its job),
// then polls the run like the import page polls its batch, with a progress bar; when every run has finished the page
// re-renders on the server with the stored table. A run already waiting for the same thing is the same run.
import { useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ProgressBar } from "@/components/data/progress-bar";
import { isFinalStatus, readJson, useJobPolling } from "@/components/jobs/use-job-polling";

export type ComputeRequest = { kind: "trs"; from: string; to: string } | { kind: "mirror"; year: number };
type Run = { id: number; kind: ComputeRequest["kind"]; status: string; progress: number; error: string | null };

export function ComputeButton({
  requests,
  label,
  variant = "primary",
}: {
  requests: ComputeRequest[];
  label: string;
  variant?: "primary" | "secondary";
}) {
  const t = useTranslations("analysis.compute");
  const [started, setStarted] = useState<Run[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // Every run is asked again at each poll (a finished one answers the same): one answer covers them all.
  const read = useCallback(async () => {
    const runs = await Promise.all(
      started!.map((run) =>
        readJson<Partial<Run>>(`/api/${run.kind}/runs/${run.id}`).then((r) => (r ? { ...run, ...r } : null)),
      ),
    );
    return runs.every((r) => r !== null) ? (runs as Run[]) : null;
  }, [started]);
  const polled = useJobPolling(started ? read : null, (rs) => rs.every((r) => isFinalStatus(r.status)), 700);
  const runs = polled ?? started;

  async function start() {
    setFailed(null);
    setStarted(null);
    try {
      const queued: Run[] = [];
      for (const request of requests) {
        const response = await fetch(`/api/${request.kind}/runs`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(request),
        });
        if (!response.ok) throw new Error(String(response.status));
        const { runId } = (await response.json()) as { runId: number };
        queued.push({ id: runId, kind: request.kind, status: "QUEUED", progress: 0, error: null });
      }
      setStarted(queued);
    } catch {
      setFailed(t("requestFailed"));
    }
  }

  const runError = polled?.find((r) => r.status === "FAILED")?.error;
  const problem = failed ?? (runError ? t("failed", { error: runError }) : null);

  const busy = runs !== null && !runs.every((r) => isFinalStatus(r.status));
  const progress = runs?.length
    ? runs.reduce((sum, r) => sum + (r.status === "SUCCEEDED" ? 100 : r.progress), 0) / runs.length
    : 0;
  const retrying = runs?.some((r) => r.status === "QUEUED" && r.error);
  return (
    <div className="flex min-w-64 flex-col gap-2" aria-live="polite" data-testid="compute">
      <Button variant={variant} onClick={start} disabled={busy} data-testid="compute-button">
        {busy ? t("running") : label}
      </Button>
      {busy ? (
        <ProgressBar
          value={progress}
          label={retrying ? t("retrying") : runs!.some((r) => r.status === "RUNNING") ? t("computing") : t("queued")}
        />
      ) : null}
      {problem ? <Notice tone="error">{problem}</Notice> : null}
    </div>
  );
}
