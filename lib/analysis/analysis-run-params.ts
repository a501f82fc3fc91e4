// What a TRS or mirror computation is asked for: validated when requested (screens, imports) and again when the job
// runs, since analysis_runs.params is JSON.
import { z } from "zod";

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "not a date");

export const TrsRunParams = z
  .object({ from: Day, to: Day })
  .strict()
  .refine((p) => p.from <= p.to, { message: "from is after to" });
export type TrsRunParams = z.infer<typeof TrsRunParams>;

export const MirrorRunParams = z.object({ year: z.number().int().min(1900).max(2999) }).strict();
export type MirrorRunParams = z.infer<typeof MirrorRunParams>;

export const ANALYSIS_KINDS = { trs: "TRS_COMPUTE", mirror: "MIRROR_COMPUTE" } as const;
export type AnalysisKind = keyof typeof ANALYSIS_KINDS;

// The body of POST /api/analysis/runs.
export const AnalysisRunRequest = z.discriminatedUnion("kind", [
  z
    .object({ kind: z.literal("trs"), from: Day, to: Day })
    .refine((p) => p.from <= p.to, { message: "from is after to" }),
  z.object({ kind: z.literal("mirror"), year: z.coerce.number().int().min(1900).max(2999) }),
]);
export type AnalysisRunRequest = z.infer<typeof AnalysisRunRequest>;
