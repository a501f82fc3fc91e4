// The route handlers' shared part for the "Compute" buttons: request a TRS or mirror run (POST /api/trs/runs,
// /api/mirror/runs) and read its state (GET …/runs/:id). Inputs parsed with zod at the boundary; a run of another
// kind is NOT_FOUND under this route.
import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/kernel/app-error";
import { getRunOrThrow, requestAnalysisRun } from "@/lib/analysis/analysis-runs";
import {
  AnalysisRunRequest,
  MirrorRunParams,
  TrsRunParams,
  type AnalysisKind,
} from "@/lib/analysis/analysis-run-params";

const RUN_KIND = { trs: "TRS_COMPUTE", mirror: "MIRROR_COMPUTE" } as const satisfies Record<AnalysisKind, string>;

export async function requestRunResponse(kind: AnalysisKind, request: Request, user: SessionUser): Promise<Response> {
  const body = AnalysisRunRequest.parse(await request.json().catch(() => ({})));
  if (body.kind !== kind) throw new AppError("INVALID", `this route computes ${kind} tables`);
  const params =
    body.kind === "trs"
      ? TrsRunParams.parse({ from: body.from, to: body.to })
      : MirrorRunParams.parse({ year: body.year });
  const { runId, created } = await requestAnalysisRun(RUN_KIND[kind], params, { requestedById: user.id });
  return Response.json({ runId, created }, { status: created ? 201 : 200 });
}

const Id = z.coerce.number().int().positive();

export async function runStatusResponse(kind: AnalysisKind, rawId: string | undefined): Promise<Response> {
  const parsed = Id.safeParse(rawId);
  if (!parsed.success) throw new AppError("NOT_FOUND", "No such run");
  const run = await getRunOrThrow(parsed.data);
  if (run.kind !== RUN_KIND[kind]) throw new AppError("NOT_FOUND", "No such run");
  return Response.json(
    {
      id: run.id,
      status: run.status,
      progress: run.progress,
      error: run.error,
      params: run.params,
      finishedAt: run.finishedAt,
    },
    { headers: { "cache-control": "no-store" } },
  );
}
