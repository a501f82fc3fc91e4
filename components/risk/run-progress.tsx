"use client";
// Progress of a selectivity or risk run, polled from its status route while it is queued or running; when it ends
// the page re-renders on the server with the new results (as the import progress does).
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ProgressBar } from "@/components/data/progress-bar";

type Status = { status: string; progress: number };

const POLL_MS = 1000;
const isFinal = (status: string) => status === "SUCCEEDED" || status === "FAILED";

export function RunProgress({ endpoint, initial, label }: { endpoint: string; initial: Status; label: string }) {
  const t = useTranslations("risk.runs");
  const router = useRouter();
  const [state, setState] = useState(initial);

  useEffect(() => {
    if (isFinal(initial.status)) return;
    let stopped = false;
    // An answer older than one already shown must not move the bar back.
    let sent = 0;
    let shown = 0;
    const timer = setInterval(async () => {
      const ticket = ++sent;
      const response = await fetch(endpoint, { cache: "no-store" }).catch(() => null);
      if (!response?.ok || stopped) return;
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
  }, [endpoint, initial.status, router]);

  return (
    <div aria-live="polite" data-testid="run-progress" data-status={state.status}>
      <ProgressBar value={state.progress} label={`${label} · ${t(`status.${state.status}`)}`} />
    </div>
  );
}
