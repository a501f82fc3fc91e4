// Import of a folder or zip in the canonical format (docs/data-format.md).
import "server-only";
import { CANONICAL_FILES } from "@/lib/clearance/canonical-files";
import { openSource } from "@/lib/clearance/sources";
import { stageFile, type StageResult } from "@/lib/clearance/stage-file";
import { runImport, type BeforeCommit, type ImportOutcome, type Progress } from "@/lib/clearance/import-pipeline";
import { ImportInputError } from "@/lib/clearance/import-input-error";

export async function importCanonical(
  batchId: number,
  location: string,
  progress: Progress,
  beforeCommit?: BeforeCommit,
): Promise<ImportOutcome> {
  const source = await openSource(location);
  try {
    const missing = CANONICAL_FILES.filter((s) => !s.optionalFile && !source.files.has(s.fileName)).map(
      (s) => s.fileName,
    );
    if (missing.length) throw new ImportInputError(`required file(s) missing: ${missing.join(", ")}`);
    const present = CANONICAL_FILES.filter((s) => source.files.has(s.fileName));
    const totalBytes = present.reduce((sum, s) => sum + source.files.get(s.fileName)!.size, 0) || 1;

    return await runImport(
      batchId,
      async (client, rejects, report) => {
        let bytes = 0;
        const results: Record<string, StageResult> = {};
        for (const spec of present) {
          results[spec.fileName] = await stageFile(client, spec, source.files.get(spec.fileName)!, rejects, (n) => {
            bytes += n;
            void report(Math.min(bytes / totalBytes, 1));
          });
        }
        return results;
      },
      progress,
      beforeCommit,
    );
  } finally {
    source.close();
  }
}
