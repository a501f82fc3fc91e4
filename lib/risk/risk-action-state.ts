// What the risk screen's server actions answer their forms: an error key of risk.train.errors, or the run queued.
export type RiskActionState = { error: "trainWindow" | "testWindow" | "order" | "month" | null; runId: number | null };
