// GET /api/trs/report.pdf's work: the period checked first (422 before any browser starts), then the report's print
// page printed by Chromium as the requesting user, in their language (lib/contracts/render-pdf.ts), so the PDF shows
// exactly what the page would show them.
import "server-only";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/kernel/app-error";
import { printedPageResponse } from "@/lib/contracts/render-pdf";
import { TrsQuery, queryString } from "@/lib/analysis/analysis-query";

export async function trsReportPdfResponse(request: Request, user: SessionUser): Promise<Response> {
  const url = new URL(request.url);
  const { from, to } = TrsQuery.parse(Object.fromEntries(url.searchParams));
  if (!from || !to || from > to) throw new AppError("INVALID", "from and to (YYYY-MM-DD, from ≤ to) are required");
  return printedPageResponse(request, user, {
    path: `/analysis/trs/report?${queryString({ from, to })}`,
    fileStem: `trs-report-${from}-${to}`,
    log: { report: "trs", from, to },
  });
}
