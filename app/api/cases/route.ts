// POST /api/cases — open a case from flags (JSON { flagIds, title?, caseId? }: caseId joins an open case).
// GET /api/cases?status=&overdue=1&assignee=&page= — the cases the user may see.
import { withRole } from "@/lib/auth/guards";
import { CASE_ROUTE_ROLES } from "@/lib/cases/case-rules";
import { openCase } from "@/lib/cases/open-case";
import { listCases } from "@/lib/cases/list-cases";
import { CaseListFilters } from "@/lib/cases/schema";
import { AppError } from "@/lib/kernel/app-error";

export const dynamic = "force-dynamic";

export const POST = withRole(CASE_ROUTE_ROLES, async (request, { user }) => {
  const body = (await request.json().catch(() => null)) as unknown;
  if (body === null || typeof body !== "object") throw new AppError("INVALID", "A JSON body is required");
  return Response.json(await openCase(body as Parameters<typeof openCase>[0], user), { status: 201 });
});

export const GET = withRole(CASE_ROUTE_ROLES, async (request, { user }) => {
  const filters = CaseListFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { rows, total, page, pageCount } = await listCases(user, filters);
  return Response.json({ cases: rows, total, page, pageCount });
});
