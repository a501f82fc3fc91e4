// Rejected rows of an import, streamed into import_rejected_rows on their own connection (the staging connection
// is busy with its own COPY). A job that runs again first forgets the rows of its previous attempt.
import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/pg";
import { CopyWriter } from "@/lib/clearance/copy-writer";

export type Rejection = { file: string; line: number; column: string | null; reason: string; values: object };

export class RejectedRowsWriter {
  private constructor(
    private readonly client: PoolClient,
    private readonly writer: CopyWriter,
    private readonly batchId: number,
  ) {}

  count = 0;

  static async open(batchId: number): Promise<RejectedRowsWriter> {
    const client = await pool.connect();
    await client.query("DELETE FROM import_rejected_rows WHERE batch_id = $1", [batchId]);
    const writer = new CopyWriter(client, "import_rejected_rows", [
      "batch_id",
      "file",
      "line",
      '"column"',
      "reason",
      '"values"',
    ]);
    return new RejectedRowsWriter(client, writer, batchId);
  }

  async add(r: Rejection): Promise<void> {
    this.count++;
    await this.writer.write([this.batchId, r.file, r.line, r.column, r.reason, JSON.stringify(r.values)]);
  }

  async close(): Promise<void> {
    try {
      await this.writer.end();
    } finally {
      this.client.release();
    }
  }
}
