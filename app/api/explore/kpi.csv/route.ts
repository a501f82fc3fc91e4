// GET /api/explore/kpi.csv?kpi=P1&type=officer&id=OF001&from=…&to=…[&only=numerator] — the whole drill-down of one
// KPI value as CSV, for any signed-in user whose scope includes the subject (403 otherwise).
import { withRole } from "@/lib/auth/guards";
import { ROLES } from "@/lib/auth/session-user";
import { KpiDrilldownInput, firstValues } from "@/lib/explore/schema";
import { recordOfficerView } from "@/lib/view-log/record-officer-view";
import { drilldownCsvStream, exportFileName } from "@/lib/explore/export-drilldown";

export const dynamic = "force-dynamic";

export const GET = withRole(ROLES, async (request, { user }) => {
  const input = KpiDrilldownInput.parse(firstValues(new URL(request.url).searchParams));
  const body = await drilldownCsvStream(user, input);
  // After the stream's scope check: only a view the user was allowed is recorded.
  if (input.type === "officer") {
    const url = new URL(request.url);
    await recordOfficerView(user, input.id, "export", url.pathname + url.search);
  }
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(input, "csv")}"`,
      "cache-control": "no-store",
    },
  });
});
