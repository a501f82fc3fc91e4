// Reads the XML files of a WCO import one by one (streaming parse), validates them against the schemas in batches
// and stages what the valid ones say into stg_wco_messages. A file that is not well-formed, a message that fails
// the schemas or the mapping is rejected with its file, line, element path and reason; files that are not WCO Data
// Model messages at all are skipped with a note.
import "server-only";
import crypto from "node:crypto";
import type { Readable } from "node:stream";
import type { PoolClient } from "pg";
import { CopyWriter } from "@/lib/clearance/copy-writer";
import type { RejectedRowsWriter } from "@/lib/clearance/rejected-rows";
import { parseXmlTree, XmlSyntaxError } from "@/lib/wco/xml-tree";
import {
  classifyMessage,
  normalizeMessage,
  type ClassifiedMessage,
  type NormalizedMessage,
} from "@/lib/wco/wco-message";
import { validateMessages } from "@/lib/wco/validate-messages";
import { mapDeclaration, type MappingProblem } from "@/lib/wco/map-declaration";
import { mapNotification } from "@/lib/wco/map-notification";
import type { XmlSource } from "@/lib/wco/wco-sources";

// The name WCO rejections go under in the import's per-file counts and rejected-rows download.
export const WCO_MESSAGES_FILE = "WCO messages";

export type ReadCounts = {
  files: number;
  declarations: number;
  notifications: number;
  rejected: number;
  rejectedItems: number;
  skipped: string[];
  notes: string[];
};

type Located = { line: number; path: string; reason: string };

// What a message gives once it validates, in order: rejections with their place, and rows to stage.
type Outcome =
  | { reject: Located }
  | { rejectItem: Located }
  | {
      stage: { position: number; shaSuffix: string; row: Record<string, unknown> };
      counts: "declarations" | "notifications";
    };

// A message waiting for the validator: its text and what it maps to, worked out while its tree was at hand, so that
// a batch holds a few kilobytes per message and never the trees (decision 033). An unexpected mapping failure is
// kept to be thrown once the message validates, as it would have been had it been mapped then.
type Pending = {
  file: string;
  normalized: NormalizedMessage;
  outcomes: Outcome[] | { error: unknown };
};

// Messages per validator run: each run starts a worker and parses the schemas (about two seconds for the RES set,
// which includes the DEC one), so runs are few and large; memory holds two batches at most.
const BATCH_MESSAGES = 2000;
const BATCH_BYTES = 6 * 1024 * 1024;
// Files opened ahead of the one being parsed: each open waits on the thread pool, which on a loaded machine is most
// of the time a small file takes, and waiting for several at once costs what waiting for one does.
const READ_AHEAD = 8;

const locate = (problem: MappingProblem): Located => ({
  line: problem.node.line,
  path: problem.path,
  reason: problem.reason,
});

function mapMessage(message: ClassifiedMessage & { kind: "DEC" | "RES" }): Outcome[] {
  if (message.kind === "DEC") {
    const mapped = mapDeclaration(message.declaration);
    if (!mapped.ok) return [{ reject: locate(mapped.problem) }];
    const { itemProblems, ...row } = mapped.value;
    return [
      ...itemProblems.map((problem) => ({ rejectItem: locate(problem) })),
      { stage: { position: 0, shaSuffix: "", row }, counts: "declarations" },
    ];
  }
  return message.responses.map((response, position): Outcome => {
    const mapped = mapNotification(response);
    if (!mapped.ok) return { reject: locate(mapped.problem) };
    const shaSuffix = message.responses.length > 1 ? `:${position}` : "";
    return { stage: { position, shaSuffix, row: mapped.value }, counts: "notifications" };
  });
}

export const STG_WCO_COLUMNS = [
  "sha256",
  "kind",
  "function_code",
  "lrn",
  "mrn",
  "issued_at",
  "source_file",
  "position",
  "payload",
] as const;

export async function createWcoStagingTable(client: PoolClient): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS stg_wco_messages;
    CREATE TEMP TABLE stg_wco_messages (sha256 text NOT NULL, kind text NOT NULL, function_code integer NOT NULL,
      lrn text, mrn text, issued_at timestamp(0), source_file text NOT NULL, position integer NOT NULL,
      payload jsonb NOT NULL)`);
}

export async function readWcoMessages(
  client: PoolClient,
  source: XmlSource,
  rejects: RejectedRowsWriter,
  progress: (fraction: number) => Promise<void>,
): Promise<ReadCounts> {
  const counts: ReadCounts = {
    files: 0,
    declarations: 0,
    notifications: 0,
    rejected: 0,
    rejectedItems: 0,
    skipped: [],
    notes: [],
  };
  const writer = new CopyWriter(client, "stg_wco_messages", [...STG_WCO_COLUMNS]);
  const reject = async (file: string, problem: { line: number; path: string; reason: string }) => {
    counts.rejected++;
    await rejects.add({
      file: WCO_MESSAGES_FILE,
      line: problem.line,
      column: problem.path,
      reason: problem.reason,
      values: { file },
    });
  };
  const rejectItem = async (file: string, problem: Located) => {
    counts.rejectedItems++;
    await rejects.add({
      file: WCO_MESSAGES_FILE,
      line: problem.line,
      column: problem.path,
      reason: problem.reason,
      values: { file },
    });
  };

  const process = async (kind: "DEC" | "RES", batch: Pending[]) => {
    const problems = await validateMessages(
      kind,
      batch.map((p) => p.normalized),
    );
    for (const [i, pending] of batch.entries()) {
      const found = problems[i]!;
      if (found.length) {
        const more = found.length > 1 ? ` (and ${found.length - 1} more problem${found.length > 2 ? "s" : ""})` : "";
        await reject(pending.file, { ...found[0]!, reason: `schema: ${found[0]!.reason}${more}` });
        continue;
      }
      if (!Array.isArray(pending.outcomes)) throw pending.outcomes.error;
      const sha = crypto.createHash("sha256").update(pending.normalized.xml).digest("hex");
      for (const outcome of pending.outcomes) {
        if ("reject" in outcome) await reject(pending.file, outcome.reject);
        else if ("rejectItem" in outcome) await rejectItem(pending.file, outcome.rejectItem);
        else {
          const { position, shaSuffix, row } = outcome.stage;
          counts[outcome.counts]++;
          await writer.write([
            sha + shaSuffix,
            kind,
            row.functionCode as number,
            (row.lrn as string | null) ?? null,
            (row.mrn as string | null) ?? null,
            (row.issuedAt as string | undefined) ?? null,
            pending.file,
            position,
            JSON.stringify(row),
          ]);
        }
      }
    }
  };

  // The validator runs in a worker thread: while it checks one batch, the next one is parsed.
  let inFlight: Promise<void> = Promise.resolve();
  const batches: Record<"DEC" | "RES", { items: Pending[]; bytes: number }> = {
    DEC: { items: [], bytes: 0 },
    RES: { items: [], bytes: 0 },
  };
  const flush = async (kind: "DEC" | "RES") => {
    const batch = batches[kind].items;
    if (!batch.length) return;
    batches[kind] = { items: [], bytes: 0 };
    await inFlight;
    inFlight = process(kind, batch);
    inFlight.catch(() => {});
  };

  try {
    await readAll(source, counts, reject, batches, flush, progress);
    await flush("DEC");
    await flush("RES");
    await inFlight;
  } catch (error) {
    // The COPY must end before the connection can run anything else (the caller drops the staging table).
    await writer.end().catch(() => {});
    throw error;
  }
  await writer.end();
  return counts;
}

async function readAll(
  source: XmlSource,
  counts: ReadCounts,
  reject: (file: string, problem: { line: number; path: string; reason: string }) => Promise<void>,
  batches: Record<"DEC" | "RES", { items: Pending[]; bytes: number }>,
  flush: (kind: "DEC" | "RES") => Promise<void>,
  progress: (fraction: number) => Promise<void>,
): Promise<void> {
  const total = source.files.length || 1;
  const opening: Promise<Readable | Buffer[]>[] = [];
  for (const [index, file] of source.files.entries()) {
    while (opening.length < READ_AHEAD && index + opening.length < source.files.length) {
      const next = source.open(source.files[index + opening.length]!);
      // Its failure is thrown when its turn comes, not as an unhandled rejection before.
      next.catch(() => {});
      opening.push(next);
    }
    const content = opening.shift()!;
    counts.files++;
    let root;
    try {
      root = await parseXmlTree(await content);
    } catch (error) {
      if (!(error instanceof XmlSyntaxError)) throw error;
      await reject(file, { line: error.line, path: "/", reason: `not well-formed XML: ${error.reason}` });
      continue;
    }
    const message = classifyMessage(root);
    if (message.kind === "OTHER") {
      counts.skipped.push(`${file}: ${message.note}`);
    } else {
      if (message.kind === "DEC" && message.note) counts.notes.push(`${file}: ${message.note}`);
      const normalized = normalizeMessage(message);
      let outcomes: Pending["outcomes"];
      try {
        outcomes = mapMessage(message);
      } catch (error) {
        outcomes = { error };
      }
      const batch = batches[message.kind];
      batch.items.push({ file, normalized, outcomes });
      batch.bytes += normalized.xml.length;
      if (batch.items.length >= BATCH_MESSAGES || batch.bytes >= BATCH_BYTES) await flush(message.kind);
    }
    if (counts.files % 50 === 0) await progress(counts.files / total);
  }
}
