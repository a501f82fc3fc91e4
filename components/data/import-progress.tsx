"use client";
// Progress of an import, polled live from /api/imports/:id while it runs; when it ends the page re-renders on the
// server with its counts and quality report.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ProgressBar } from "@/components/data/progress-bar";
import { phaseLabel } from "@/components/data/phase-label";

type Status = { status: string; progress: number; phase: string | null };

const POLL_MS = 700;
const isFinal = (status: string) => status === "SUCCEEDED" || status === "FAILED";

export function ImportProgress({ id, initial }: { id: number; initial: Status }) {
  const t = useTranslations("data");
  const router = useRouter();
  const [state, setState] = useState(initial);

  useEffect(() => {
    if (isFinal(initial.status)) return;
    let stopped = false;
    // Polls overlap when the server is slow: an answer older than one already shown must not move the bar back.
    let sent = 0;
    let shown = 0;
    const timer = setInterval(async () => {
      const ticket = ++sent;
      const response = await fetch(`/api/imports/${id}`, { cache: "no-store" });
      if (!response.ok || stopped) return;
      const next = (await response.json()) as Status;
      if (ticket < shown) return;
      shown = ticket;
      setState(next);
      if (isFinal(next.status)) {
        stopped = true;
        clearInterval(timer);
        router.refresh();
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id, initial.status, router]);

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-live="polite">
      <ProgressBar value={state.progress} label={phaseLabel(t, state.status, state.phase)} />
    </div>
  );
}
