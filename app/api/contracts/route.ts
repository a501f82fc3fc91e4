// GET /api/contracts — the contracts the manager may see (JSON, same filters as the list page: ?status=&q=).
// POST /api/contracts — create a draft contract (body: ContractInput). Managers and administrators only.
import { withRole } from "@/lib/auth/guards";
import { ContractListFilters, listContracts } from "@/lib/contracts/list-contracts";
import { createContract } from "@/lib/contracts/create-contract";

export const dynamic = "force-dynamic";

export const GET = withRole(["ADMIN", "MANAGER"], async (request, { user }) => {
  const filters = ContractListFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listContracts(user, filters));
});

export const POST = withRole(["ADMIN", "MANAGER"], async (request, { user }) => {
  const created = await createContract((await request.json()) as Parameters<typeof createContract>[0], user);
  return Response.json(created, { status: 201 });
});
