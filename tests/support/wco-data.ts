// Where the public WCO Data Model samples and their schemas are read from (hmrc/customs-declarations, Apache 2.0).
// They are not part of the repository: the tests that need them are skipped without them, and the benchmark stops,
// with the same notice. Import this module before anything from lib/: it points WCO_SCHEMA_DIR at the samples'
// schemas unless it is set.
import { existsSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./local-services";

export const WCO_DATA_DIR = path.resolve(projectRoot, process.env.WCO_DATA_DIR || "../shared/data/wco-dms");
export const WCO_SAMPLES_DIR = path.join(WCO_DATA_DIR, "samples");
export const WCO_SCHEMAS_DIR = path.join(WCO_DATA_DIR, "schemas");

process.env.WCO_SCHEMA_DIR ??= WCO_SCHEMAS_DIR;

const notice = () =>
  `WCO Data Model samples not found in ${WCO_DATA_DIR} (samples/ and schemas/): get the annotated XML samples and ` +
  "the wco/declaration and wco/notification schemas from the public repository hmrc/customs-declarations " +
  "(Apache License 2.0) and set WCO_DATA_DIR to their folder";

function missing(): boolean {
  return !existsSync(WCO_SAMPLES_DIR) || !existsSync(path.join(WCO_SCHEMAS_DIR, "declaration/WCO_DEC_2_DMS.xsd"));
}

/** For `describe.skipIf(wcoDataMissing())`: prints the notice when the samples are absent. */
export function wcoDataMissing(): boolean {
  const absent = missing();
  if (absent) console.warn(`[wco-data] ${notice()}: skipping`);
  return absent;
}

/** The schemas' folder, or an error carrying the notice. */
export function requireWcoSchemas(): string {
  if (missing()) throw new Error(notice());
  return WCO_SCHEMAS_DIR;
}
