// Bulk load through COPY … FROM STDIN (text format), in ~256 KB chunks that respect the stream's backpressure. The
// same text can go to a file first (a spool, lib/clearance/spool-files.ts) and into the table later.
import "server-only";
import type { Writable } from "node:stream";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { finished } from "node:stream/promises";

const FLUSH_AT = 256 * 1024;

export function copyTextValue(value: string | number | null): string {
  if (value === null) return "\\N";
  const s = String(value);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : s;
}

const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

export class CopyWriter {
  private buffer = "";
  private readonly stream: Writable;
  private failure: Error | null = null;

  // Into `table` through `client`, or, given a writable stream alone, the COPY text into that stream.
  constructor(client: PoolClient, table: string, columns: string[]);
  constructor(stream: Writable);
  constructor(target: PoolClient | Writable, table?: string, columns?: string[]) {
    this.stream =
      table === undefined
        ? (target as Writable)
        : (target as PoolClient).query(copyFrom(`COPY ${table} (${columns!.join(", ")}) FROM STDIN`));
    this.stream.on("error", (error: Error) => {
      this.failure = error;
    });
  }

  // Buffers one row. The promise, only when the buffer went to the stream and the stream asked to wait: a file of
  // millions of rows then awaits once per chunk, not once per row.
  write(values: (string | number | null)[]): Promise<void> | undefined {
    return this.writeText(values.map(copyTextValue).join("\t"));
  }

  // One row already in COPY text, without its line break.
  writeText(row: string): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    this.buffer += row + "\n";
    return this.buffer.length >= FLUSH_AT ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (!this.buffer) return;
    const chunk = this.buffer;
    this.buffer = "";
    if (!this.stream.write(chunk)) {
      // Each wait removes both its listeners: a file stream drains thousands of times in a large file.
      await new Promise<void>((resolve, reject) => {
        const drained = () => {
          this.stream.off("error", failed);
          resolve();
        };
        const failed = (error: Error) => {
          this.stream.off("drain", drained);
          reject(error);
        };
        this.stream.once("drain", drained);
        this.stream.once("error", failed);
      });
    }
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }
}
