// Files attached to a case: kept at DATA_DIR/case-attachments/<caseId>/<uuid> (outside public/, under a name of our
// own), the user's name kept as metadata only, the type read from the bytes (sniff-file-type.ts), the size capped by
// CASE_ATTACHMENT_MAX_BYTES. Read back only through a guarded route handler, for a user who may see the case.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { CaseAttachment } from "@prisma/client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { writeAudit } from "@/lib/audit";
import type { CaseActor } from "@/lib/cases/case-rules";
import { CaseError } from "@/lib/cases/case-error";
import { AUDIT_ENTITY, getCaseForActorOrThrow, requireCaseRole, withCaseTransition } from "@/lib/cases/case-access";
import { checkAttachment, displayFileName } from "@/lib/cases/sniff-file-type";

const STORED_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const caseDir = (caseId: number) => path.resolve(env.DATA_DIR, "case-attachments", String(caseId));

function storedPath(caseId: number, storedName: string): string {
  if (!STORED_NAME.test(storedName)) throw new Error(`Unexpected stored attachment name ${storedName}`);
  return path.join(caseDir(caseId), storedName);
}

const tooLarge = () =>
  new CaseError("INVALID", "fileTooLarge", { max: Math.round(env.CASE_ATTACHMENT_MAX_BYTES / 2 ** 20) }, "file");

// The upload's bytes, refused as soon as it grows past the limit (the body is never read whole first).
export async function readUploadOrThrow(
  body: ReadableStream<Uint8Array> | null,
  max = env.CASE_ATTACHMENT_MAX_BYTES,
): Promise<Uint8Array> {
  if (!body) throw new CaseError("INVALID", "fileEmpty", {}, "file");
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export async function addCaseAttachment(
  input: { caseId: number; fileName: string; bytes: Uint8Array },
  actor: CaseActor,
): Promise<{ id: number }> {
  requireCaseRole(actor);
  // The case first: nobody learns anything about files of a case they cannot see.
  await getCaseForActorOrThrow(input.caseId, actor);
  if (input.bytes.byteLength > env.CASE_ATTACHMENT_MAX_BYTES) throw tooLarge();
  const originalName = displayFileName(input.fileName);
  const check = checkAttachment(originalName, input.bytes);
  if (!check.ok) throw new CaseError("INVALID", check.key, { name: originalName }, "file");

  const storedName = randomUUID();
  const file = storedPath(input.caseId, storedName);
  await fs.mkdir(caseDir(input.caseId), { recursive: true });
  await fs.writeFile(file, input.bytes, { flag: "wx", mode: 0o640 });
  try {
    return await withCaseTransition(input.caseId, actor, "attach", async (tx, c) => {
      const attachment = await tx.caseAttachment.create({
        data: {
          caseId: c.id,
          storedName,
          originalName,
          fileType: check.type,
          contentType: check.contentType,
          sizeBytes: input.bytes.byteLength,
          sha256: createHash("sha256").update(input.bytes).digest("hex"),
          uploadedById: actor.id,
        },
      });
      await writeAudit(
        {
          actorId: actor.id,
          action: "case.attach",
          entityType: AUDIT_ENTITY,
          entityId: String(c.id),
          data: {
            attachmentId: attachment.id,
            name: originalName,
            type: check.type,
            sizeBytes: attachment.sizeBytes,
            sha256: attachment.sha256,
          },
        },
        tx,
      );
      return { id: attachment.id };
    });
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error;
  }
}

// An attachment of a case the actor may see (NOT_FOUND otherwise), with its bytes.
export async function readCaseAttachment(
  caseId: number,
  attachmentId: number,
  actor: CaseActor,
): Promise<{ attachment: CaseAttachment; bytes: Buffer }> {
  const c = await getCaseForActorOrThrow(caseId, actor);
  const attachment = Number.isSafeInteger(attachmentId)
    ? await db.caseAttachment.findFirst({ where: { id: attachmentId, caseId: c.id } })
    : null;
  if (!attachment) throw new CaseError("NOT_FOUND", "notFound");
  return { attachment, bytes: await fs.readFile(storedPath(c.id, attachment.storedName)) };
}

// Content-Disposition with the user's name: an ASCII fallback and the exact name in RFC 5987 form.
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
