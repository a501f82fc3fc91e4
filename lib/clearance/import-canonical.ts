// Import of a folder or zip in the canonical format (docs/data-format.md).
import "server-only";
import { CANONICAL_FILES } from "@/lib/clearance/canonical-files";
import { openSource } from "@/lib/clearance/sources";
import { readFile } from "@/lib/clearance/stage-file";
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

    // Each file is read alongside the merge of the ones before it (lib/clearance/spool-files.ts).
    return await runImport(
      batchId,
      {
        files: present,
        totalBytes,
        read: (spec, rejects, open, onBytes) =>
          readFile(spec, source.files.get(spec.fileName)!, rejects, onBytes, open),
      },
      progress,
      beforeCommit,
    );
  } finally {
    source.close();
  }
}
