// Hand-rolled CSV output for the generator. Fields are written straight into ~1 MB byte chunks (numbers, amounts and
// timestamps as digits, without building strings), and full chunks go to a file stream whose backpressure is honoured
// between batches. Building millions of lines as JavaScript strings spent most of the run in garbage collection.
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_MINUTE, formatDay } from "./local-time";

const CHUNK_BYTES = 1 << 20;
/** Head room above a chunk for the row being written; no generated row comes near it. */
const MAX_ROW_BYTES = 1 << 16;
const NEEDS_QUOTES = /[",\r\n]/;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const ZERO = 0x30;

/** RFC 4180 field: quoted only when it contains a comma, a quote or a line break. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(",");
}

/** `YYYY-MM-DD` bytes per day number, computed once per day. */
const dayBytes = new Map<number, Uint8Array>();
function dateOf(day: number): Uint8Array {
  let bytes = dayBytes.get(day);
  if (!bytes) {
    bytes = new TextEncoder().encode(formatDay(day));
    dayBytes.set(day, bytes);
  }
  return bytes;
}

export class CsvFileWriter {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES + MAX_ROW_BYTES);
  private length = 0;
  private rowStart = true;
  private waitForDrain = false;
  private failure: Error | null = null;
  private readonly stream: WriteStream;
  rows = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.stream = createWriteStream(path);
    this.stream.on("error", (error) => {
      this.failure = error;
    });
    this.length = this.buffer.write(`${csvLine(header)}\n`, 0, "utf8");
  }

  /** Appends a whole data line whose fields are already CSV-safe (see csvField). */
  push(line: string): void {
    this.text(line).end();
  }

  /** A field that needs no quoting (codes, ids, pre-escaped text). */
  text(value: string): this {
    this.separate();
    // Ids and codes are short ASCII: copying char codes beats a native UTF-8 encode call per field.
    const b = this.buffer;
    const start = this.length;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code > 0x7f) {
        this.length = start + b.write(value, start, "utf8");
        return this;
      }
      b[start + i] = code;
    }
    this.length = start + value.length;
    return this;
  }

  empty(): this {
    this.separate();
    return this;
  }

  /** Non-negative integer. */
  int(value: number): this {
    this.separate();
    this.digits(value);
    return this;
  }

  /** Money from integer cents: `123`, or `123.45` when there are cents. */
  cents(value: number): this {
    this.separate();
    const units = Math.floor(value / 100);
    const rest = value - units * 100;
    this.digits(units);
    if (rest !== 0) this.fraction(rest, 2);
    return this;
  }

  /** Kilograms from integer grams: `12`, or `12.345`. */
  grams(value: number): this {
    this.separate();
    const kg = Math.floor(value / 1000);
    const rest = value - kg * 1000;
    this.digits(kg);
    if (rest !== 0) this.fraction(rest, 3);
    return this;
  }

  /** `YYYY-MM-DD HH:MM:SS` from local seconds (see local-time.ts). */
  timestamp(t: number): this {
    this.separate();
    const day = Math.floor(t / SECONDS_PER_DAY);
    const date = dateOf(day);
    const b = this.buffer;
    let at = this.length;
    for (let i = 0; i < date.length; i++) b[at++] = date[i] as number;
    let rest = t - day * SECONDS_PER_DAY;
    const hours = Math.floor(rest / SECONDS_PER_HOUR);
    rest -= hours * SECONDS_PER_HOUR;
    const minutes = Math.floor(rest / SECONDS_PER_MINUTE);
    const seconds = rest - minutes * SECONDS_PER_MINUTE;
    b[at++] = 0x20;
    b[at++] = ZERO + Math.floor(hours / 10);
    b[at++] = ZERO + (hours % 10);
    b[at++] = 0x3a;
    b[at++] = ZERO + Math.floor(minutes / 10);
    b[at++] = ZERO + (minutes % 10);
    b[at++] = 0x3a;
    b[at++] = ZERO + Math.floor(seconds / 10);
    b[at++] = ZERO + (seconds % 10);
    this.length = at;
    return this;
  }

  /** Ends the row; a full chunk is handed to the stream at once (the caller awaits drain() between batches). */
  end(): void {
    this.buffer[this.length++] = NEWLINE;
    this.rowStart = true;
    this.rows++;
    if (this.length >= CHUNK_BYTES) this.handOff();
  }

  /** Waits until the stream has room again if it asked for it; call between batches of rows. */
  async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.waitForDrain) {
      // once() rejects if the stream emits "error" while we wait.
      await once(this.stream, "drain");
      this.waitForDrain = false;
    }
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    this.handOff();
    await new Promise<void>((resolve, reject) => {
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    if (this.failure) throw this.failure;
  }

  private handOff(): void {
    if (this.length === 0) return;
    if (!this.stream.write(this.buffer.subarray(0, this.length))) this.waitForDrain = true;
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES + MAX_ROW_BYTES);
    this.length = 0;
  }

  private separate(): void {
    if (this.rowStart) this.rowStart = false;
    else this.buffer[this.length++] = COMMA;
  }

  private digits(value: number): void {
    let count = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) count++;
    let n = value;
    for (let at = this.length + count - 1; at >= this.length; at--) {
      const next = Math.floor(n / 10);
      this.buffer[at] = ZERO + (n - next * 10);
      n = next;
    }
    this.length += count;
  }

  private fraction(value: number, places: number): void {
    this.buffer[this.length++] = 0x2e;
    for (let p = places - 1; p >= 0; p--) this.buffer[this.length++] = ZERO + (Math.floor(value / 10 ** p) % 10);
  }
}
