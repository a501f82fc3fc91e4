// Where import files come from: a folder or a zip archive. Files are found by base name anywhere in the archive
// and read as streams, never loaded whole.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import yauzl from "yauzl";

export type SourceFile = { name: string; size: number; open: () => Promise<Readable> };

export type ImportSource = {
  files: Map<string, SourceFile>;
  close: () => void;
};

export async function openSource(location: string): Promise<ImportSource> {
  const stat = await fs.promises.stat(location);
  return stat.isDirectory() ? openFolder(location) : openZip(location);
}

async function openFolder(dir: string): Promise<ImportSource> {
  const files = new Map<string, SourceFile>();
  for (const entry of await fs.promises.readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(dir, entry.name);
    const { size } = await fs.promises.stat(full);
    files.set(entry.name, {
      name: entry.name,
      size,
      open: async () => fs.createReadStream(full, { highWaterMark: 1 << 20 }),
    });
  }
  return { files, close: () => {} };
}

function openZip(file: string): Promise<ImportSource> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error || !zip)
        return reject(new Error(`${path.basename(file)} is not a readable zip archive: ${error?.message}`));
      const files = new Map<string, SourceFile>();
      zip.on("entry", (entry: yauzl.Entry) => {
        const name = path.posix.basename(entry.fileName);
        const isFile =
          !entry.fileName.endsWith("/") && !entry.fileName.startsWith("__MACOSX/") && !name.startsWith(".");
        if (isFile && !files.has(name)) {
          files.set(name, {
            name,
            size: entry.uncompressedSize,
            open: () =>
              new Promise<Readable>((res, rej) =>
                zip.openReadStream(entry, (err, stream) => (err || !stream ? rej(err) : res(stream))),
              ),
          });
        }
        zip.readEntry();
      });
      zip.on("end", () => resolve({ files, close: () => zip.close() }));
      zip.on("error", (err: Error) => reject(err));
      zip.readEntry();
    });
  });
}
