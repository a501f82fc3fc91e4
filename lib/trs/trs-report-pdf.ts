// GET /api/trs/report.pdf's work: the period checked first (422 before any browser starts), then the report's print
// page printed by Chromium as the requesting user, in their language (lib/contracts/render-pdf.ts), so the PDF shows
// exactly what the page would show them.
import "server-only";
import { cookies } from "next/headers";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import { renderPdf } from "@/lib/contracts/render-pdf";
import { TrsQuery, queryString } from "@/lib/analysis/analysis-query";

export async function trsReportPdfResponse(request: Request, user: SessionUser): Promise<Response> {
  const url = new URL(request.url);
  const { from, to } = TrsQuery.parse(Object.fromEntries(url.searchParams));
  if (!from || !to || from > to) throw new AppError("INVALID", "from and to (YYYY-MM-DD, from ≤ to) are required");
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : user.locale;
  try {
    const pdf = await renderPdf({
      origin: url.origin,
      path: `/analysis/trs/report?${queryString({ from, to })}`,
      cookieHeader: request.headers.get("cookie"),
      locale,
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="trs-report-${from}-${to}-${locale}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    logger.error({ err: (error as Error).message, from, to }, "TRS report PDF failed");
    return Response.json({ error: { code: "PDF_FAILED", message: "pdfFailed" } }, { status: 503 });
  }
}
