// GET /api/imports/:id — status, live progress, per-file counts and quality report of one import.
import { z } from "zod";
import { withRole } from "@/lib/auth/guards";
import { getImportBatchOrThrow } from "@/lib/clearance/import-batches";

const Params = z.object({ id: z.coerce.number().int().positive() });

export const GET = withRole(["ADMIN", "MANAGER"], async (_request, { params }) => {
  const { id } = Params.parse(await params);
  return Response.json(await getImportBatchOrThrow(id));
});
