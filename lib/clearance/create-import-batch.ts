// Registers an import: the file to read, who asked for it, and a content hash shown to the user.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ImportKind } from "@prisma/client";
import { db } from "@/lib/db";

export async function createImportBatch(input: {
  kind: ImportKind;
  sourcePath: string;
  sourceName?: string;
  createdById?: string | null;
}): Promise<number> {
  const sourcePath = path.resolve(input.sourcePath);
  const batch = await db.importBatch.create({
    data: {
      kind: input.kind,
      sourcePath,
      sourceName: input.sourceName ?? path.basename(sourcePath),
      sha256: await hashSource(sourcePath),
      createdById: input.createdById ?? null,
    },
  });
  return batch.id;
}

// A folder's hash covers its file names and contents in name order.
async function hashSource(location: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  const stat = await fs.promises.stat(location);
  const files = stat.isDirectory()
    ? (await fs.promises.readdir(location)).sort().map((f) => path.join(location, f))
    : [location];
  for (const file of files) {
    if (!(await fs.promises.stat(file)).isFile()) continue;
    hash.update(path.basename(file));
    for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  }
  return hash.digest("hex");
}
