// Reading the files of an import alongside the database's work on them. Checking each CSV row is JavaScript on one
// core, merging a file is PostgreSQL on the other: instead of reading every file before the first merge, the files
// are read one after another into spool files (the COPY text of their valid rows, on local disk), and each file is
// loaded into its staging table and merged as soon as it is read, while the next one is being read.
import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { CanonicalFileSpec } from "@/lib/clearance/canonical-files";
import { CopyWriter } from "@/lib/clearance/copy-writer";
import type { RejectedRowsWriter } from "@/lib/clearance/rejected-rows";
import { stagedColumns, stagingTable, type StageResult } from "@/lib/clearance/stage-file";

// Reads one file, writing its valid rows' COPY text through the writer `open` gives.
export type ReadFile = (
  spec: CanonicalFileSpec,
  rejects: RejectedRowsWriter,
  open: () => CopyWriter,
  onBytes: (bytes: number) => void,
) => Promise<StageResult>;

export type SpooledFiles = {
  // The file read; undefined when the import has no such file.
  read(spec: CanonicalFileSpec): Promise<StageResult | undefined>;
  // Its valid rows loaded into its staging table, once read; the spool is then removed.
  load(client: PoolClient, spec: CanonicalFileSpec): Promise<void>;
  // Its valid rows, once read, through `copy` (a COPY … FROM STDIN), each run of whole lines rewritten by `rewrite`
  // on the way (lines of the spool's COPY text, whole); the spool is kept. Returns how many rows the COPY stored.
  copy(client: PoolClient, spec: CanonicalFileSpec, copy: string, rewrite?: (lines: string) => string): Promise<number>;
  // The spool of a file no longer needed: its disk space given back.
  discard(spec: CanonicalFileSpec): Promise<void>;
  // Every file read (or the reading stopped) and the spool removed. Stops the reading first when `stop`.
  settle(stop: boolean): Promise<void>;
  // Whether files are still being read (this process's core is busy).
  reading(): boolean;
};

type Read = { result: Promise<StageResult>; spool: string };

const SPOOL_CHUNK = 4 * 1024 * 1024;

// Chunks of COPY text rewritten line by line: each chunk's whole lines go through `rewrite`, the rest waits for
// the next chunk. Read as latin1, one character per byte, so that a rewrite that only looks at ASCII (tabs, digits,
// line breaks) leaves every UTF-8 sequence as it was, even one cut between two chunks.
function rewriteLines(rewrite: (lines: string) => string) {
  return async function* (chunks: AsyncIterable<Buffer>) {
    let carry = "";
    for await (const chunk of chunks) {
      const text = carry + chunk.toString("latin1");
      const end = text.lastIndexOf("\n") + 1;
      carry = text.slice(end);
      if (end) yield Buffer.from(rewrite(text.slice(0, end)), "latin1");
    }
    if (carry) yield Buffer.from(rewrite(carry), "latin1");
  };
}

// Spool folders are named after the process that reads into them: one whose process is gone was left by an import
// that was killed (a stopped `pmc import`, a worker's crash), and is removed before the next import spools.
const SPOOL_PREFIX = "pmc-import-spool-";

async function removeAbandonedSpools(): Promise<void> {
  for (const name of await fsp.readdir(os.tmpdir())) {
    const pid = Number(new RegExp(`^${SPOOL_PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || pid === process.pid || processIsAlive(pid)) continue;
    await fsp.rm(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Starts reading `files` (in load order) in the background. A file that cannot be read fails its own load and
// every later one; nothing is read after a failure or once settle(true) is called.
export async function spoolFiles(
  files: CanonicalFileSpec[],
  readFile: ReadFile,
  rejects: RejectedRowsWriter,
  onBytes: (bytes: number) => void,
): Promise<SpooledFiles> {
  await removeAbandonedSpools();
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), `${SPOOL_PREFIX}${process.pid}-`));
  let stopped = false;
  const reads = new Map<string, Read>();
  let previous: Promise<unknown> = Promise.resolve();
  for (const spec of files) {
    const spool = path.join(dir, `${spec.name}.copy`);
    const after = previous;
    const result = (async () => {
      await after;
      if (stopped) throw new Error("import stopped before this file was read");
      return readFile(spec, rejects, () => new CopyWriter(fs.createWriteStream(spool)), onBytes);
    })();
    // Awaited by load() when its turn comes; a rejection nobody awaits (the import already failed) is not an error.
    result.catch(() => undefined);
    reads.set(spec.fileName, { result, spool });
    previous = result;
  }
  let reading = true;
  const allRead = previous.then(
    () => void (reading = false),
    () => void (reading = false),
  );

  const spooled: SpooledFiles = {
    async read(spec) {
      return reads.get(spec.fileName)?.result;
    },
    async load(client, spec) {
      await spooled.copy(client, spec, `COPY ${stagingTable(spec)} (${stagedColumns(spec).join(", ")}) FROM STDIN`);
      // The spool has served: its disk space is given back while the other files are merged.
      await spooled.discard(spec);
    },
    async copy(client, spec, sql, rewrite) {
      const read = reads.get(spec.fileName);
      if (!read) return 0;
      await read.result;
      if (!fs.existsSync(read.spool)) return 0;
      const copy = client.query(copyFrom(sql));
      // The next file's reading keeps this process busy, and each turn of its loop lets this copy forward one
      // chunk: large chunks, so that the load is not held to the reading's pace.
      const spool = fs.createReadStream(read.spool, { highWaterMark: SPOOL_CHUNK });
      await (rewrite ? pipeline(spool, rewriteLines(rewrite), copy) : pipeline(spool, copy));
      return copy.rowCount;
    },
    async discard(spec) {
      const read = reads.get(spec.fileName);
      if (read) await fsp.rm(read.spool, { force: true });
    },
    reading: () => reading,
    async settle(stop) {
      if (stop) stopped = true;
      await allRead;
      await fsp.rm(dir, { recursive: true, force: true });
    },
  };
  return spooled;
}
