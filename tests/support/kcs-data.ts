// Where the Korea Customs Service (KCS) synthetic declarations are read from. The data set is not part of the
// repository: the tests that need it are skipped without it, and the benchmark stops, both with the same notice
// saying where to get it.
import { existsSync } from "node:fs";
import path from "node:path";
import { KCS_TEST_FILE, KCS_TRAIN_FILE } from "@/lib/risk/kcs-evaluation";
import { projectRoot } from "./local-services";

export const KCS_FILES = [KCS_TRAIN_FILE, KCS_TEST_FILE] as const;

// Resolved from the project root rather than the working directory, so a relative value means the same thing
// to vitest, to a benchmark and to a shell in a subfolder.
export const KCS_DATA_DIR = path.resolve(projectRoot, process.env.KCS_DATA_DIR || "../shared/data/kcs");

function missingFiles(): string[] {
  return KCS_FILES.filter((file) => !existsSync(path.join(KCS_DATA_DIR, file)));
}

function notice(missing: string[]): string {
  return (
    `KCS data set not found (${missing.join(", ")} missing in ${KCS_DATA_DIR}): get ${KCS_FILES.join(" and ")} ` +
    "from the public repository Seondong/Customs-Declaration-Datasets (MIT licence) and set KCS_DATA_DIR to " +
    "their folder"
  );
}

/**
 * For `describe.skipIf(kcsDataMissing())`: true when a file of the data set is absent, after printing the notice,
 * so that a run without the data reports these tests as skipped instead of failed.
 */
export function kcsDataMissing(): boolean {
  const missing = missingFiles();
  if (missing.length > 0) console.warn(`[kcs-data] ${notice(missing)}: skipping`);
  return missing.length > 0;
}

/** The data set's folder, or an error carrying the notice: a benchmark has nothing to measure without it. */
export function requireKcsDataDir(): string {
  const missing = missingFiles();
  if (missing.length > 0) throw new Error(notice(missing));
  return KCS_DATA_DIR;
}
