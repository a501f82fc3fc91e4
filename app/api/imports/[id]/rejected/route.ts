// GET /api/imports/:id/rejected?file=NAME — one file's rejected rows as a CSV to fix and import again
// (the row's columns, then _line, _column, _reason), streamed.
import { z } from "zod";
import { withRole } from "@/lib/auth/guards";
import { getImportBatchOrThrow } from "@/lib/clearance/import-batches";
import { rejectedRowsCsv } from "@/lib/clearance/rejected-row-files";

const Params = z.object({ id: z.coerce.number().int().positive() });
const Query = z.object({ file: z.string().min(1).max(200) });

export const GET = withRole(["ADMIN", "MANAGER"], async (request, { params }) => {
  const { id } = Params.parse(await params);
  const { file } = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  await getImportBatchOrThrow(id);
  const lines = rejectedRowsCsv(id, file);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const name = `import-${id}-rejected-${file.replace(/[^\w.-]/g, "_")}`;
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
    },
  });
});
