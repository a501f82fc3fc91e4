// Processors of the view-log flush and the nightly retention (lib/view-log, lib/privacy).
import "server-only";
import { flushViewLog } from "@/lib/view-log/flush-view-log";
import { runRetention, type RetentionOutcome } from "@/lib/privacy/run-retention";

export async function processViewLogFlush(): Promise<{ moved: number }> {
  return { moved: await flushViewLog() };
}

export async function processRetentionRun(): Promise<RetentionOutcome> {
  return runRetention();
}
