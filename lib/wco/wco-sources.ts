// The XML files of a WCO import: every *.xml file under a folder, recursively, or inside a zip archive, each read as
// a stream when its turn comes. Paths are relative to the folder or archive, "/"-separated, in name order, so
// messages of the same instant are always taken in the same order.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import yauzl from "yauzl";

// A message is a few kilobytes: reading it whole costs a fraction of setting up a stream for it, which matters over
// a hundred thousand files. Only a file larger than this is streamed.
const READ_WHOLE_BYTES = 4 * 1024 * 1024;

// The files are their paths only (one short string each): a folder of 100,000 messages is listed for the whole
// import, and a stat result and a closure per file made that list alone some 50 MB of the import's heap.
export type XmlSource = {
  files: string[];
  open: (file: string) => Promise<Readable | Buffer[]>;
  close: () => void;
};

const isXml = (name: string) => name.toLowerCase().endsWith(".xml") && !path.posix.basename(name).startsWith(".");

export async function openXmlSource(location: string): Promise<XmlSource> {
  const stat = await fs.promises.stat(location);
  return stat.isDirectory() ? openFolder(location) : openZip(location);
}

async function openFolder(root: string): Promise<XmlSource> {
  const files: string[] = [];
  const walk = async (dir: string) => {
    const entries = await fs.promises.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && isXml(entry.name)) files.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  await walk(root);
  const open = async (file: string) => {
    const full = path.join(root, ...file.split("/"));
    const { size } = await fs.promises.stat(full);
    return size <= READ_WHOLE_BYTES
      ? [await fs.promises.readFile(full)]
      : fs.createReadStream(full, { highWaterMark: 1 << 16 });
  };
  return { files: files.sort(byPath), open, close: () => {} };
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function openZip(file: string): Promise<XmlSource> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error || !zip) {
        return reject(new Error(`${path.basename(file)} is not a readable zip archive: ${error?.message}`));
      }
      const entries = new Map<string, yauzl.Entry>();
      zip.on("entry", (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (!name.endsWith("/") && !name.startsWith("__MACOSX/") && isXml(name)) entries.set(name, entry);
        zip.readEntry();
      });
      const open = (name: string) =>
        new Promise<Readable>((res, rej) =>
          zip.openReadStream(entries.get(name)!, (err, stream) => (err || !stream ? rej(err) : res(stream))),
        );
      zip.on("end", () => resolve({ files: [...entries.keys()].sort(byPath), open, close: () => zip.close() }));
      zip.on("error", (err: Error) => reject(err));
      zip.readEntry();
    });
  });
}
