"use client";
// Follows a background job (an import, an analysis or risk run) by polling its status route until it ends, then
// re-renders the page on the server with what the job stored. Polls overlap when the server is slow: an answer older
// than one already shown is dropped, so a progress bar never moves back.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";

export const isFinalStatus = (status: string) => status === "SUCCEEDED" || status === "FAILED";

// `read` (null: nothing to follow) must keep its identity between renders (useCallback): a new one starts over.
export function useJobPolling<T>(
  read: (() => Promise<T | null>) | null,
  finished: (value: T) => boolean,
  everyMs: number,
): T | null {
  const router = useRouter();
  // Kept with the `read` it answers, so a new job never shows the last answer of the one before.
  const [latest, setLatest] = useState<{ of: typeof read; value: T } | null>(null);

  useEffect(() => {
    if (!read) return;
    let stopped = false;
    let sent = 0;
    let shown = 0;
    const timer = setInterval(async () => {
      const ticket = ++sent;
      const next = await read().catch(() => null);
      if (next === null || stopped || ticket < shown) return;
      shown = ticket;
      setLatest({ of: read, value: next });
      if (finished(next)) {
        stopped = true;
        clearInterval(timer);
        router.refresh();
      }
    }, everyMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
    // `finished` is a pure test of the answer: only a new `read` changes what is followed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [read, everyMs, router]);

  return latest && latest.of === read ? latest.value : null;
}

// The JSON of a status route, or null when it did not answer 2xx (the next poll tries again).
export async function readJson<T>(url: string): Promise<T | null> {
  const response = await fetch(url, { cache: "no-store" });
  return response.ok ? ((await response.json()) as T) : null;
}
