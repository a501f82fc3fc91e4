// Stores an uploaded import file on disk as it arrives (never whole in memory), with a size limit and a check
// that the content is what its name says: a zip archive (canonical folder, or WCO Data Model messages when the
// uploader says so) or a CSV file (KCS).
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ImportKind } from "@prisma/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/kernel/app-error";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function importKindForFileName(name: string, format: "WCO" | null = null): ImportKind {
  const lower = name.toLowerCase();
  if (format === "WCO") {
    if (lower.endsWith(".zip")) return "WCO";
    throw new AppError("INVALID", "Upload a .zip of WCO Data Model XML messages");
  }
  if (lower.endsWith(".zip")) return "CANONICAL";
  if (lower.endsWith(".csv")) return "KCS";
  throw new AppError("INVALID", "Upload a .zip of the canonical CSV files or a KCS .csv file");
}

export async function saveUpload(
  body: ReadableStream<Uint8Array>,
  fileName: string,
  format: "WCO" | null = null,
): Promise<{ kind: ImportKind; sourcePath: string; sourceName: string }> {
  const sourceName =
    path
      .basename(fileName)
      .replace(/[^\w.\- ()]/g, "_")
      .slice(0, 200) || "upload";
  const kind = importKindForFileName(sourceName, format);
  const dir = path.resolve(env.DATA_DIR, "uploads");
  await fs.promises.mkdir(dir, { recursive: true });
  const sourcePath = path.join(dir, `${crypto.randomUUID()}${kind === "KCS" ? ".csv" : ".zip"}`);

  let bytes = 0;
  let head = Buffer.alloc(0);
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > env.UPLOAD_MAX_BYTES) {
        return callback(new AppError("INVALID", `File larger than ${Math.round(env.UPLOAD_MAX_BYTES / 2 ** 20)} MB`));
      }
      if (head.length < 4) head = Buffer.concat([head, chunk]).subarray(0, 4);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(body as import("node:stream/web").ReadableStream),
      guard,
      fs.createWriteStream(sourcePath),
    );
    if (bytes === 0) throw new AppError("INVALID", "The uploaded file is empty");
    const isZip = head.equals(ZIP_MAGIC);
    if (kind !== "KCS" && !isZip) throw new AppError("INVALID", `${sourceName} is not a zip archive`);
    if (kind === "KCS" && isZip) throw new AppError("INVALID", `${sourceName} is a zip archive, not a CSV file`);
    return { kind, sourcePath, sourceName };
  } catch (error) {
    await fs.promises.rm(sourcePath, { force: true });
    throw error;
  }
}
