// The shape every import shares: stage files into temporary tables (the part that differs between formats), then
// one transaction that rejects what does not fit, upserts the rest and builds the quality report. A failure
// anywhere rolls the transaction back, so data already stored is never touched by a failed import.
import "server-only";
import type { PoolClient } from "pg";
import { withImportSession } from "@/lib/clearance/import-session";
import { spoolFiles, type ReadFile } from "@/lib/clearance/spool-files";
import { pool } from "@/lib/pg";
import { CANONICAL_FILES, type CanonicalFileSpec } from "@/lib/clearance/canonical-files";
import { createStagingTable, stagingTable, type StageResult } from "@/lib/clearance/stage-file";
import {
  bulkLoadPlan,
  dropForBulkLoad,
  duplicatesCaughtByKeyRebuild,
  markStoredRows,
  rejectDuplicateKeys,
  rejectUnknownReferences,
  storeSetRejections,
  tableIsEmpty,
  upsertAccepted,
  upsertParties,
  withKeyProbes,
} from "@/lib/clearance/merge-staged";
import { buildQualityReport, type FilledCounts, type QualityReport } from "@/lib/clearance/quality-report";
import { RejectedRowsWriter } from "@/lib/clearance/rejected-rows";
import { affectedCells } from "@/lib/clearance/affected-cells";
import {
  loadedKeysRepeat,
  primaryKeyIsFileKey,
  loadedRowsReferToUnknownKeys,
  stagingViewOfTable,
  tableCopyColumns,
  tableCopyText,
} from "@/lib/clearance/straight-load";
import type { Cell } from "@/lib/kpis/recomputation";
import {
  createRejectedKeysTable,
  rejectDependents,
  rejectionCauses,
  storeRejectedKeys,
} from "@/lib/clearance/dependent-rejections";

export type FileCounts = {
  read: number;
  accepted: number;
  rejected: number;
  // Of the rejected, those rejected only because a row they depend on was (lib/clearance/dependent-rejections.ts).
  dependent: number;
  inserted: number;
  updated: number;
  unchanged: number;
  warnings: string[];
  error: string | null;
  // Time spent reading and checking the file, then saving it.
  seconds: number;
};

// Seconds spent in each phase of the import, summed over the files (the benchmark's profile). A phase timed inside
// another is counted in its own line only, so that the shares add up to the whole.
export type ImportProfile = Record<string, number>;

export type ImportOutcome = {
  files: Record<string, FileCounts>;
  quality: QualityReport;
  affectedCells: Cell[];
  profile?: ImportProfile;
};

// Called inside the import's transaction just before it commits, with the outcome: what must be committed with the
// data or not at all (the batch's status, the follow-up jobs, the audit entry). Throwing rolls everything back.
export type BeforeCommit = (client: PoolClient, outcome: ImportOutcome) => Promise<void>;

function profiler() {
  const profile: ImportProfile = {};
  // Seconds spent in phases nested in the one running (phases run one after another, never side by side).
  let nested = 0;
  const time = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const nestedBefore = nested;
    nested = 0;
    try {
      return await work();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      profile[phase] = (profile[phase] ?? 0) + seconds - nested;
      nested = nestedBefore + seconds;
    }
  };
  return { profile, time };
}

export type Progress = (fraction: number, phase: string) => Promise<void>;

export type Stager = (
  client: PoolClient,
  rejects: RejectedRowsWriter,
  progress: (fraction: number) => Promise<void>,
) => Promise<Record<string, StageResult>>;

// A format whose files are read one at a time (the canonical CSV folder): each file is read alongside the merge of
// the files before it (lib/clearance/spool-files.ts). files: those present, in load order.
export type FileStager = { files: CanonicalFileSpec[]; totalBytes: number; read: ReadFile };

// Imports touch the same tables; one at a time keeps counts and rejections exact.
const IMPORT_LOCK = 7_320_001;
const STAGING_SHARE = 0.8;
const QUALITY_AT = 0.97;

// The staged files as the merge takes them, in load order.
type StagedFiles = {
  // The file read and checked row by row; undefined when not imported.
  read(spec: CanonicalFileSpec): Promise<StageResult | undefined>;
  // Its staging table filled and analyzed, and its rejected keys stored.
  stage(spec: CanonicalFileSpec, result: StageResult): Promise<void>;
  // Its rows copied straight into a table, and the copy's source removed once the load holds
  // (lib/clearance/straight-load.ts); absent when the format stages every file at once.
  straight?: {
    copy(spec: CanonicalFileSpec, sql: string, rewrite: (lines: string) => string): Promise<number>;
    discard(spec: CanonicalFileSpec): Promise<void>;
  };
  // Every file read and its rejected rows written: before the quality report and the commit.
  finish(): Promise<void>;
  // After a failure: nothing more is read, and what reading left behind is removed.
  stop(): Promise<void>;
  // Where the progress bar stands while the i-th canonical file is saved.
  savingAt(i: number): number;
  // Whether files are still being read, by this process, alongside the merge.
  reading(): boolean;
};

// What staging needs from the import: its session, where rejected rows go (closed once), the progress bar and the
// profiler.
type Staging = {
  client: PoolClient;
  rejects: RejectedRowsWriter;
  closeRejects: () => Promise<void>;
  progress: Progress;
  time: ReturnType<typeof profiler>["time"];
  profile: ImportProfile;
};

// Every file staged before the merge begins (KCS and WCO, which stage one file into several tables).
async function stageAtOnce(stage: Stager, staging: Staging): Promise<StagedFiles> {
  const { client, rejects, closeRejects, progress, time } = staging;
  let staged: Record<string, StageResult>;
  try {
    staged = await time("reading and staging", () =>
      stage(client, rejects, (f) => progress(f * STAGING_SHARE, "reading")),
    );
  } finally {
    await closeRejects();
  }
  await time("analyzing staged rows", async () => {
    for (const spec of CANONICAL_FILES) await analyzeStaged(client, spec, staged[spec.fileName]);
  });
  return {
    read: async (spec) => staged[spec.fileName],
    stage: async () => undefined,
    finish: async () => undefined,
    stop: async () => undefined,
    // Saving spans the staging share up to the quality check's 97 %, so the bar never moves back.
    savingAt: (i) => STAGING_SHARE + ((QUALITY_AT - STAGING_SHARE) * i) / CANONICAL_FILES.length,
    reading: () => false,
  };
}

// Each file read alongside the merge of the files before it (lib/clearance/spool-files.ts): the bar follows the
// reading.
async function stageAlongside(stage: FileStager, staging: Staging): Promise<StagedFiles> {
  const { client, rejects, closeRejects, progress, time, profile } = staging;
  let bytes = 0;
  let readingSeconds = 0;
  const read: ReadFile = async (...args) => {
    const result = await stage.read(...args);
    readingSeconds += result.seconds ?? 0;
    return result;
  };
  const reading = await spoolFiles(stage.files, read, rejects, (n) => {
    bytes += n;
    void progress(Math.min(bytes / stage.totalBytes, 1) * QUALITY_AT, "reading");
  });
  return {
    read: (spec) => time("waiting for the reading", () => reading.read(spec)),
    async stage(spec, result) {
      await time("loading staged rows", () => reading.load(client, spec));
      await time("analyzing staged rows", () => analyzeStaged(client, spec, result));
    },
    straight: {
      copy: (spec, sql, rewrite) => reading.copy(client, spec, sql, rewrite),
      discard: (spec) => reading.discard(spec),
    },
    async finish() {
      await time("waiting for the reading", () => reading.settle(false));
      await closeRejects();
      // Read alongside the merge, so not a share of the import's time: how long reading took in all.
      profile["reading files (alongside the merge)"] = readingSeconds;
    },
    stop: () => reading.settle(true),
    savingAt: () => 0,
    reading: () => reading.reading(),
  };
}

export async function runImport(
  batchId: number,
  stage: Stager | FileStager,
  progress: Progress,
  beforeCommit?: BeforeCommit,
): Promise<ImportOutcome> {
  return withImportSession(async (client) => {
    await progress(0, "waiting");
    await client.query("SELECT pg_advisory_lock($1)", [IMPORT_LOCK]);
    try {
      for (const spec of CANONICAL_FILES) await createStagingTable(client, spec);
      const { profile, time } = profiler();
      await createRejectedKeysTable(client);
      const rejects = await RejectedRowsWriter.open(batchId);
      let rejectsOpen = true;
      const closeRejects = async () => {
        if (!rejectsOpen) return;
        rejectsOpen = false;
        await rejects.close();
      };
      // Reading and merging may overlap: the bar never moves back.
      let shown = 0;
      const report: Progress = (fraction, phase) => progress((shown = Math.max(shown, fraction)), phase);
      const staging: Staging = { client, rejects, closeRejects, progress: report, time, profile };
      let files: StagedFiles | null = null;
      try {
        files = typeof stage === "function" ? await stageAtOnce(stage, staging) : await stageAlongside(stage, staging);
        const outcome = await mergeAll(client, batchId, files, report, time, beforeCommit);
        await time("analyzing loaded tables", () => analyzeGrownTables(client, outcome.files));
        return { ...outcome, profile };
      } finally {
        // After a failure: stop reading, remove the spool, and end the rejected rows' COPY.
        await files?.stop();
        await closeRejects();
      }
    } finally {
      await dropStaging(client);
      await client.query("SELECT pg_advisory_unlock($1)", [IMPORT_LOCK]);
    }
  });
}

// The staging tables, and the views that replaced those of files loaded straight into their tables.
async function dropStaging(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ relname: string; view: boolean }>(
    `SELECT relname, relkind = 'v' AS view FROM pg_class
      WHERE relnamespace = pg_my_temp_schema() AND relname = ANY ($1::text[])`,
    [[...CANONICAL_FILES.map((s) => stagingTable(s)), "stg_rejected_keys"]],
  );
  if (rows.length) {
    await client.query(rows.map((r) => `DROP ${r.view ? "VIEW" : "TABLE"} ${r.relname}`).join("; "));
  }
}

// The rejected keys of a staged file (for the rows that depend on them), and statistics for the merge's plans.
async function analyzeStaged(client: PoolClient, spec: CanonicalFileSpec, staged: StageResult | undefined) {
  const keys = staged?.rejectedKeys;
  if (keys?.length) await storeRejectedKeys(client, spec, keys);
  await client.query(`ANALYZE ${stagingTable(spec)}`);
}

async function mergeAll(
  client: PoolClient,
  batchId: number,
  staged: StagedFiles,
  progress: Progress,
  time: ReturnType<typeof profiler>["time"],
  beforeCommit?: BeforeCommit,
): Promise<ImportOutcome> {
  const files: Record<string, FileCounts> = {};
  const cells = new Map<string, Cell>();
  const counted: Record<string, FilledCounts> = {};
  // Tables empty before this import: what they hold during it is what it accepted (storedKeyCheck).
  const emptyAtStart = new Set<string>();
  for (const spec of CANONICAL_FILES) if (await tableIsEmpty(client, spec.table)) emptyAtStart.add(spec.table);
  const declarationsWereEmpty = emptyAtStart.has("declarations");
  const buildKeys: BuildKeys = (statements) =>
    time("building keys and indexes", () => buildKeysAndIndexes(client, statements, staged.reading()));
  await client.query("BEGIN");
  try {
    for (const [i, spec] of CANONICAL_FILES.entries()) {
      const stage = await staged.read(spec);
      if (!stage) continue;
      await progress(staged.savingAt(i), `saving ${spec.fileName}`);
      const started = performance.now();
      const firstLoad = emptyAtStart.has(spec.table);
      const straight = firstLoad
        ? await loadStraight(client, spec, staged, { batchId, stage, declarationsWereEmpty, time, buildKeys })
        : null;
      const merge = (checkDuplicates: boolean) =>
        mergeFile(client, spec, {
          batchId,
          stage,
          declarationsWereEmpty,
          emptyAtStart,
          checkDuplicates,
          time,
          buildKeys,
        });
      let merged: MergedFile;
      if (straight && straight !== "duplicates") {
        merged = straight;
      } else {
        await staged.stage(spec, stage);
        // A first load not already found to hold duplicate keys tries without the duplicate check when the primary
        // key rebuilt after it catches them.
        const unchecked = firstLoad && straight !== "duplicates" && (await duplicatesCaughtByKeyRebuild(client, spec));
        merged = unchecked ? await mergeUncheckedFirst(client, merge) : await merge(true);
      }
      const { counts, touched, setRejected } = merged;
      // What the stager counted is what was accepted when no staged row was rejected since.
      if (setRejected === 0 && stage.counted) counted[spec.fileName] = stage.counted;
      if (counts.inserted + counts.updated > 0) for (const cell of touched) cells.set(cell.join("|"), cell);
      files[spec.fileName] = { ...counts, seconds: (stage.seconds ?? 0) + (performance.now() - started) / 1000 };
    }
    await staged.finish();
    await progress(QUALITY_AT, "checking quality");
    const quality = await time("quality report", async () => ({
      ...(await buildQualityReport(client, counted)),
      rejectionCauses: await rejectionCauses(
        client,
        Object.keys(files).filter((file) => files[file]!.dependent > 0),
      ),
    }));
    const outcome = { files, quality, affectedCells: [...cells.values()] };
    await beforeCommit?.(client, outcome);
    await time("commit", () => client.query("COMMIT"));
    return outcome;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

// Builds the keys and indexes a large load dropped (merge-staged.ts, bulkLoadPlan).
type BuildKeys = (statements: string[]) => Promise<void>;

// PostgreSQL builds a large index with parallel workers. While this process still reads the next files, those
// workers would take the core the reading needs, and the reading is the first load's longest path: the build then
// runs in this session alone. Once everything is read, the workers use the core the reading leaves.
async function buildKeysAndIndexes(client: PoolClient, statements: string[], reading: boolean): Promise<void> {
  if (!statements.length) return;
  await client.query(
    reading ? "SET LOCAL max_parallel_maintenance_workers = 0" : "RESET max_parallel_maintenance_workers",
  );
  for (const statement of statements) await client.query(statement);
}

const UNIQUE_VIOLATION = "23505";

// Merges without the duplicate check from a savepoint; should the rebuilt key find a duplicate, goes back to it and
// merges again with the check, which names each duplicate line.
async function mergeUncheckedFirst(
  client: PoolClient,
  merge: (checkDuplicates: boolean) => Promise<MergedFile>,
): Promise<MergedFile> {
  await client.query("SAVEPOINT unchecked_keys");
  try {
    const merged = await merge(false);
    await client.query("RELEASE SAVEPOINT unchecked_keys");
    return merged;
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await client.query("ROLLBACK TO SAVEPOINT unchecked_keys");
    return merge(true);
  }
}
const FOREIGN_KEY_VIOLATION = "23503";

// A file's first load written once (lib/clearance/straight-load.ts). Returns the merged file; "duplicates" when
// the file's keys were not unique; null when it cannot be loaded so (a format staged at once, a column stored with
// a default for empty values) or holds an unknown reference. Either way but the first, nothing of it stays
// stored, and it goes through its staging table.
async function loadStraight(
  client: PoolClient,
  spec: CanonicalFileSpec,
  staged: StagedFiles,
  options: {
    batchId: number;
    stage: StageResult;
    declarationsWereEmpty: boolean;
    time: ReturnType<typeof profiler>["time"];
    buildKeys: BuildKeys;
  },
): Promise<MergedFile | "duplicates" | null> {
  const { batchId, stage, declarationsWereEmpty, time, buildKeys } = options;
  if (!staged.straight || !stage.months || spec.columns.some((c) => c.nullAs)) return null;
  // A large load by the tables' owner builds the indexes once, after it; any other loads with them in place.
  const plan = await bulkLoadPlan(client, spec.table, stage.read - stage.rejected);
  const keyIsPrimary = await primaryKeyIsFileKey(client, spec);
  let inserted = 0;
  await client.query("SAVEPOINT straight_load");
  try {
    const keys = stage.rejectedKeys;
    if (keys?.length) await storeRejectedKeys(client, spec, keys);
    if (spec.name === "declarations" && stage.months.length) {
      await client.query(
        `SELECT ensure_declaration_partitions($1::date, $2::date + interval '1 month' - interval '1 second')`,
        [`${stage.months[0]}-01`, `${stage.months.at(-1)}-01`],
      );
    }
    const rebuild = plan ? await dropForBulkLoad(client, spec.table, plan) : [];
    const copy = `COPY ${spec.table} (${tableCopyColumns(spec).join(", ")}) FROM STDIN`;
    inserted = await time("writing rows straight into the tables", () =>
      staged.straight!.copy(spec, copy, tableCopyText(spec, batchId)),
    );
    if (await time("references", () => loadedRowsReferToUnknownKeys(client, spec))) {
      await client.query("ROLLBACK TO SAVEPOINT straight_load");
      return null;
    }
    await buildKeys(rebuild);
    if (!keyIsPrimary && (await time("duplicate keys", () => loadedKeysRepeat(client, spec)))) {
      await client.query("ROLLBACK TO SAVEPOINT straight_load");
      return "duplicates";
    }
    await client.query("RELEASE SAVEPOINT straight_load");
  } catch (error) {
    // A duplicate key, or a reference the table's own foreign key refused while loading.
    const code = (error as { code?: string }).code;
    if (code !== UNIQUE_VIOLATION && code !== FOREIGN_KEY_VIOLATION) throw error;
    await client.query("ROLLBACK TO SAVEPOINT straight_load");
    return code === UNIQUE_VIOLATION ? "duplicates" : null;
  }
  await staged.straight.discard(spec);
  await stagingViewOfTable(client, spec);
  if (spec.name === "declarations") await time("brokers and importers", () => upsertParties(client));
  const touched = await time("affected KPI cells", () =>
    affectedCells(client, spec, { firstLoad: true, declarationsWereEmpty, stagedMonths: stage.months }),
  );
  return {
    counts: {
      read: stage.read,
      accepted: inserted,
      rejected: stage.rejected,
      dependent: 0,
      inserted,
      updated: 0,
      unchanged: 0,
      warnings: stage.warnings,
      error: stage.error,
    },
    touched,
    setRejected: 0,
  };
}

// setRejected: the staged rows the set-based checks rejected.
type MergedFile = { counts: Omit<FileCounts, "seconds">; touched: Cell[]; setRejected: number };

// One file's rows from its staging table into its table: set-based rejections, then the upsert. checkDuplicates:
// false only when the primary key rebuilt after the load will catch them (duplicatesCaughtByKeyRebuild).
async function mergeFile(
  client: PoolClient,
  spec: (typeof CANONICAL_FILES)[number],
  options: {
    batchId: number;
    stage: StageResult;
    declarationsWereEmpty: boolean;
    emptyAtStart: ReadonlySet<string>;
    checkDuplicates: boolean;
    time: ReturnType<typeof profiler>["time"];
    buildKeys: BuildKeys;
  },
): Promise<MergedFile> {
  const { batchId, stage, declarationsWereEmpty, emptyAtStart, time, buildKeys } = options;
  const duplicates = options.checkDuplicates
    ? await time("duplicate keys", () => rejectDuplicateKeys(client, spec))
    : 0;
  const dependent = await time("dependent rows", () => rejectDependents(client, spec, emptyAtStart));
  const unknown = await time("references", () => rejectUnknownReferences(client, spec, emptyAtStart));
  const setRejected = await time("rejected rows", () =>
    storeSetRejections(client, spec, batchId, duplicates + dependent + unknown),
  );
  const stored = await time("finding stored rows", () =>
    withKeyProbes(client, spec, () => markStoredRows(client, spec)),
  );
  // The months noted while staging are those of the accepted rows when no staged row was rejected since.
  const stagedMonths = setRejected === 0 ? stage.months : undefined;
  const touched = await time("affected KPI cells", () =>
    withKeyProbes(client, spec, () =>
      affectedCells(client, spec, { firstLoad: emptyAtStart.has(spec.table), declarationsWereEmpty, stagedMonths }),
    ),
  );
  const { accepted, inserted, updated } = await time("writing rows", () =>
    withKeyProbes(client, spec, () => upsertAccepted(client, spec, batchId, stored, buildKeys)),
  );
  if (spec.name === "declarations") await time("brokers and importers", () => upsertParties(client));
  return {
    counts: {
      read: stage.read,
      accepted,
      rejected: stage.rejected + setRejected,
      dependent,
      inserted,
      updated,
      unchanged: accepted - inserted - updated,
      warnings: stage.warnings,
      error: stage.error,
    },
    touched,
    setRejected,
  };
}

// The KPI jobs right after an import plan their queries on the tables' statistics: a table that grew by a tenth or
// more (every table of a first load) is analyzed now rather than whenever autovacuum gets to it. A day's rows
// into a large table are far below that, so the daily path does not pay for it.
const ANALYZE_GROWTH = 0.1;

async function analyzeGrownTables(client: PoolClient, files: Record<string, FileCounts>): Promise<void> {
  const grown: { table: string; relations: number }[] = [];
  for (const spec of CANONICAL_FILES) {
    const counts = files[spec.fileName];
    const changed = counts ? counts.inserted + counts.updated : 0;
    if (!changed) continue;
    const { rows } = await client.query<{ n: number; relations: number }>(
      `SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::float8 AS n, count(*)::int AS relations FROM pg_class c
        WHERE c.oid = $1::regclass OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = $1::regclass)`,
      [spec.table],
    );
    if (changed >= ANALYZE_GROWTH * Math.max(rows[0]!.n - changed, 0)) {
      grown.push({ table: spec.table, relations: rows[0]!.relations });
    }
  }
  if (grown.length < 2) {
    for (const { table } of grown) await client.query(`ANALYZE ${table}`);
    return;
  }
  // The data is committed: a second session analyzes alongside this one, so that both cores work. ANALYZE samples
  // a fixed number of rows per relation, so a table's cost goes with its relations (a month partition each),
  // not its rows: declarations on one side, the other tables on the other.
  const sessions: { tables: string[]; relations: number }[] = [
    { tables: [], relations: 0 },
    { tables: [], relations: 0 },
  ];
  for (const t of grown.sort((a, b) => b.relations - a.relations)) {
    const lighter = sessions[0]!.relations <= sessions[1]!.relations ? sessions[0]! : sessions[1]!;
    lighter.tables.push(t.table);
    lighter.relations += t.relations;
  }
  const second = await pool.connect();
  try {
    await Promise.all(
      [client, second].map(async (session, i) => {
        for (const table of sessions[i]!.tables) await session.query(`ANALYZE ${table}`);
      }),
    );
  } finally {
    second.release();
  }
}
