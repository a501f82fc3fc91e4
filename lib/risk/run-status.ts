// The state of one selectivity or risk run for the screens' progress bars (GET /api/risk/runs/:id,
// /api/selectivity/runs/:id). A run of another kind is NOT_FOUND under that route.
import "server-only";
import { z } from "zod";
import type { AnalysisRunKind } from "@prisma/client";
import { getRunOrThrow } from "@/lib/analysis/analysis-runs";
import { AppError } from "@/lib/kernel/app-error";

const Id = z.coerce.number().int().positive();

export async function runStatusResponse(kinds: readonly AnalysisRunKind[], rawId: unknown): Promise<Response> {
  const parsed = Id.safeParse(rawId);
  if (!parsed.success) throw new AppError("NOT_FOUND", "No such run");
  const run = await getRunOrThrow(parsed.data);
  if (!kinds.includes(run.kind)) throw new AppError("NOT_FOUND", "No such run");
  return Response.json(
    {
      id: run.id,
      kind: run.kind,
      status: run.status,
      progress: run.progress,
      error: run.error,
      finishedAt: run.finishedAt,
    },
    { headers: { "cache-control": "no-store" } },
  );
}
