// Import of WCO Data Model messages (docs/data-format.md, "WCO Data Model messages"): the XML files of a folder or
// zip archive are read, validated and stored as messages, then the declarations they concern are derived into the
// canonical staging tables, and the canonical merge of every import does the rest (reference checks, upserts,
// quality report, KPI recomputation).
import "server-only";
import type { PoolClient } from "pg";
import {
  runImport,
  type BeforeCommit,
  type FileCounts,
  type ImportOutcome,
  type Progress,
} from "@/lib/clearance/import-pipeline";
import type { StageResult } from "@/lib/clearance/stage-file";
import type { RejectedRowsWriter } from "@/lib/clearance/rejected-rows";
import { ImportInputError } from "@/lib/clearance/import-input-error";
import { openXmlSource, type XmlSource } from "@/lib/wco/wco-sources";
import {
  createWcoStagingTable,
  readWcoMessages,
  WCO_MESSAGES_FILE,
  type ReadCounts,
} from "@/lib/wco/read-wco-messages";
import { deriveCanonicalRows, storeMessages, type DerivedCounts } from "@/lib/wco/derive-canonical-rows";

export { WCO_MESSAGES_FILE };

const LISTED_NOTES = 20;

export async function importWco(
  batchId: number,
  location: string,
  progress: Progress,
  beforeCommit?: BeforeCommit,
): Promise<ImportOutcome> {
  const source = await openXmlSource(location).catch((error: Error) => {
    throw new ImportInputError(`${location}: ${error.message}`);
  });
  const state: { read?: ReadCounts; derived?: DerivedCounts; added?: number; seconds?: number } = {};
  const withMessages = (outcome: ImportOutcome): ImportOutcome => ({
    ...outcome,
    files: {
      [WCO_MESSAGES_FILE]: summarize(state.read!, state.derived!, state.added!, state.seconds!),
      ...outcome.files,
    },
  });
  try {
    if (!source.files.length) throw new ImportInputError(`no XML file in ${location}`);
    const outcome = await runImport(
      batchId,
      async (client, rejects, report) => {
        const started = performance.now();
        const result = await stageWco(client, batchId, source, rejects, report);
        Object.assign(state, result, { seconds: (performance.now() - started) / 1000 });
        return result.staged;
      },
      progress,
      // The batch row and the audit entry written with the data count the messages too.
      beforeCommit && ((client, staged) => beforeCommit(client, withMessages(staged))),
    );
    return withMessages(outcome);
  } finally {
    source.close();
  }
}

async function stageWco(
  client: PoolClient,
  batchId: number,
  source: XmlSource,
  rejects: RejectedRowsWriter,
  report: (fraction: number) => Promise<void>,
): Promise<{ read: ReadCounts; derived: DerivedCounts; added: number; staged: Record<string, StageResult> }> {
  await createWcoStagingTable(client);
  try {
    const read = await readWcoMessages(client, source, rejects, (f) => report(f * 0.9));
    await client.query("ANALYZE stg_wco_messages");
    const { added } = await storeMessages(client, batchId);
    await report(0.95);
    const derived = await deriveCanonicalRows(client);
    const count = async (table: string) =>
      (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
    const none = { rejected: 0, warnings: [], error: null };
    const staged: Record<string, StageResult> = {
      "offices.csv": { ...none, read: await count("stg_offices") },
      "declarations.csv": { ...none, read: await count("stg_declarations") },
      "items.csv": { ...none, read: await count("stg_items") },
      "events.csv": { ...none, read: await count("stg_events") },
    };
    return { read, derived, added, staged };
  } finally {
    await client.query("DROP TABLE IF EXISTS stg_wco_messages");
  }
}

function summarize(read: ReadCounts, derived: DerivedCounts, added: number, seconds: number): FileCounts {
  const accepted = read.declarations + read.notifications;
  const list = (lines: string[]) =>
    lines.length > LISTED_NOTES
      ? [...lines.slice(0, LISTED_NOTES), `… and ${lines.length - LISTED_NOTES} more`]
      : lines;
  const warnings = [
    `${read.files} XML files: ${read.declarations} declarations and ${read.notifications} notifications read, ` +
      `${read.rejected} messages rejected, ${read.skipped.length} files skipped`,
    `${derived.registered} declarations registered; ${derived.awaitingAcceptance} awaiting acceptance (no DMSACC); ` +
      `${derived.rejectedByCustoms} rejected by customs (DMSREJ), not registered; ` +
      `${derived.withoutDeclaration} with notifications but no declaration message`,
    ...(read.rejectedItems ? [`${read.rejectedItems} goods items not registered (see the rejected rows)`] : []),
    ...list(read.skipped.map((s) => `skipped ${s}`)),
    ...list(read.notes),
  ];
  return {
    read: accepted + read.rejected,
    accepted,
    rejected: read.rejected + read.rejectedItems,
    dependent: 0,
    inserted: added,
    updated: 0,
    unchanged: accepted - added,
    warnings,
    error: null,
    seconds,
  };
}
