"use client";
// "Compute" for a TRS period or a mirror year: asks the server for the computation (an analysis run and its job),
// then polls the run like the import page polls its batch, with a progress bar; when every run has finished the page
// re-renders on the server with the stored table. A run already waiting for the same thing is the same run.
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ProgressBar } from "@/components/data/progress-bar";

export type ComputeRequest = { kind: "trs"; from: string; to: string } | { kind: "mirror"; year: number };
type Run = { id: number; kind: ComputeRequest["kind"]; status: string; progress: number; error: string | null };

const POLL_MS = 700;
const isFinal = (status: string) => status === "SUCCEEDED" || status === "FAILED";

export function ComputeButton({ requests, label, variant = "primary" }: { requests: ComputeRequest[]; label: string; variant?: "primary" | "secondary" }) {
  const t = useTranslations("analysis.compute");
  const router = useRouter();
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const latest = useRef(0);

  async function start() {
    setFailed(null);
    try {
      const started: Run[] = [];
      for (const request of requests) {
        const response = await fetch(`/api/${request.kind}/runs`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(request),
        });
        if (!response.ok) throw new Error(String(response.status));
        const { runId } = (await response.json()) as { runId: number };
        started.push({ id: runId, kind: request.kind, status: "QUEUED", progress: 0, error: null });
      }
      setRuns(started);
    } catch {
      setFailed(t("requestFailed"));
    }
  }

  useEffect(() => {
    if (!runs || runs.every((r) => isFinal(r.status))) return;
    let stopped = false;
    const timer = setInterval(async () => {
      const asked = ++latest.current;
      const next = await Promise.all(
        runs.map(async (run) => {
          if (isFinal(run.status)) return run;
          const response = await fetch(`/api/${run.kind}/runs/${run.id}`, { cache: "no-store" });
          return response.ok ? { ...run, ...((await response.json()) as Partial<Run>) } : run;
        }),
      );
      // An older answer that arrives late never moves the bar back.
      if (stopped || asked !== latest.current) return;
      setRuns(next);
      if (next.every((r) => isFinal(r.status))) {
        stopped = true;
        clearInterval(timer);
        const error = next.find((r) => r.status === "FAILED")?.error;
        if (error) setFailed(t("failed", { error }));
        router.refresh();
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [runs, router, t]);

  const busy = runs !== null && !runs.every((r) => isFinal(r.status));
  const progress = runs?.length ? runs.reduce((sum, r) => sum + (r.status === "SUCCEEDED" ? 100 : r.progress), 0) / runs.length : 0;
  const retrying = runs?.some((r) => r.status === "QUEUED" && r.error);
  return (
    <div className="flex min-w-64 flex-col gap-2" aria-live="polite" data-testid="compute">
      <Button variant={variant} onClick={start} disabled={busy} data-testid="compute-button">
        {busy ? t("running") : label}
      </Button>
      {busy ? <ProgressBar value={progress} label={retrying ? t("retrying") : runs!.some((r) => r.status === "RUNNING") ? t("computing") : t("queued")} /> : null}
      {failed ? <Notice tone="error">{failed}</Notice> : null}
    </div>
  );
}
