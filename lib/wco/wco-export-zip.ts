// The WCO export as a zip download (Data page): one folder per declaration, streamed as it is written, for the
// user's offices (scopeForUser). Audited once written, with the period, the pseudonym purpose and the counts.
import "server-only";
import { Readable } from "node:stream";
import { z } from "zod";
import yazl from "yazl";
import type { SessionUser } from "@/lib/auth/session-user";
import { scopeForUser } from "@/lib/auth/scope";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/kernel/app-error";
import { logger } from "@/lib/logger";
import { PseudonymPurpose } from "@/lib/privacy/pseudonyms";
import { exportWco } from "@/lib/wco/export-wco";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const WcoExportQuery = z
  .object({
    from: Day,
    to: Day,
    pseudonyms: z.union([z.literal(""), PseudonymPurpose]).default(""),
  })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["to"] });

export function wcoExportZip(user: SessionUser, raw: unknown): { body: ReadableStream<Uint8Array>; fileName: string } {
  const query = WcoExportQuery.parse(raw);
  const scope = scopeForUser(user);
  if (scope.kind === "officer" || scope.kind === "none") throw new AppError("FORBIDDEN", "No declarations to export");
  const zip = new yazl.ZipFile();
  const request = {
    from: query.from,
    to: query.to,
    pseudonymPurpose: query.pseudonyms || null,
    officeCode: scope.kind === "office" ? scope.officeCode : null,
  };
  exportWco(request, async (file, xml) => zip.addBuffer(Buffer.from(xml), file)).then(
    async (summary) => {
      zip.end();
      await writeAudit({
        actorId: user.id,
        action: "wco.exported",
        entityType: "export",
        entityId: `${query.from}..${query.to}`,
        data: {
          ...request,
          declarations: summary.declarations,
          messages: summary.messages,
          skipped: summary.skipped.length,
        },
      });
    },
    (error: Error) => {
      logger.error({ err: error.message }, "WCO export failed");
      (zip.outputStream as unknown as Readable).destroy(error);
    },
  );
  return {
    body: Readable.toWeb(zip.outputStream as Readable) as ReadableStream<Uint8Array>,
    fileName: `wco-declarations-${query.from}-${query.to}.zip`,
  };
}
