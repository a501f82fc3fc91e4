// GET /api/risk/runs/:id — status and progress of a risk.train, risk.score or risk.drift run, for the risk screen's
// progress bar.
import { withRole } from "@/lib/auth/guards";
import { runStatusResponse } from "@/lib/risk/run-status";

export const dynamic = "force-dynamic";

export const GET = withRole(["ADMIN", "MANAGER", "INTEGRITY"], async (_request, { params }) =>
  runStatusResponse(["RISK_TRAIN", "RISK_SCORE", "RISK_DRIFT"], (await params).id),
);
