// GET /api/selectivity/runs/:id — status and progress of a selectivity.compute run, for the screen's progress bar.
import { withRole } from "@/lib/auth/guards";
import { runStatusResponse } from "@/lib/risk/run-status";

export const dynamic = "force-dynamic";

export const GET = withRole(["ADMIN", "MANAGER", "INTEGRITY"], async (_request, { params }) =>
  runStatusResponse(["SELECTIVITY_COMPUTE"], (await params).id),
);
