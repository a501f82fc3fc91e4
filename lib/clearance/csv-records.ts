// A streaming RFC 4180 reader tuned for clearance files, where almost every line is unquoted: those are split with
// indexOf/split, and only lines holding a quote go through the character-level parser (quoted commas, doubled
// quotes, line breaks inside quotes). Several times faster than a general-purpose parser on millions of rows, which
// is what an import of a year of declarations reads. Records come in batches, with the line each one starts on.
//
// What a file from another system may hold, and what becomes of it (docs/data-format.md, "Reading the files"):
// - LF, CRLF or CR line endings, even mixed, and a UTF-8 byte order mark: all read the same way (a CR inside a
//   quoted field is read as a line break too);
// - a quote that is never closed on its line: only the line where it opens is rejected, saying how many lines it
//   would have swallowed, and the lines after it are read on their own. A quoted field that does span lines is kept
//   when its record ends properly with as many fields as the header;
// - a record longer than MAX_RECORD_CHARS: rejected with its line, and skipped without being held in memory, so
//   memory stays flat whatever a field's size.
import { StringDecoder } from "node:string_decoder";

// 1 MiB (in characters): far more than any clearance record, small enough to bound the reader's memory.
export const MAX_RECORD_CHARS = 1024 * 1024;

export type CsvRecord =
  { line: number; fields: string[]; error?: undefined } | { line: number; fields: string[]; error: string };

type Parsed = { fields: string[]; end: number; newlines: number } | { error: string; end: number; newlines: number };

// Parses one record that contains a quote, from `start`; null when the text ends inside it and more may come.
// `end` of an error: where reading would resume had the record been read as one.
function parseQuotedRecord(text: string, start: number, final: boolean): Parsed | null {
  const fields: string[] = [];
  let i = start;
  let newlines = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34 /* " */) {
      let value = "";
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) {
          if (!final) return null;
          return {
            error: "unterminated quoted field",
            end: text.length,
            newlines: newlines + count(text, from, text.length),
          };
        }
        newlines += count(text, from, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        if (q + 1 === text.length && !final) return null;
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      fields.push(value);
      const c = text.charCodeAt(i);
      if (c === 44 /* , */) {
        i++;
        continue;
      }
      if (c === 10 /* \n */) return { fields, end: i + 1, newlines };
      if (i >= text.length) return final ? { fields, end: text.length, newlines } : null;
      // Text after a closing quote: report it, and resume at the next line break.
      const nl = text.indexOf("\n", i);
      if (nl === -1 && !final) return null;
      return { error: "unexpected text after a closing quote", end: nl === -1 ? text.length : nl + 1, newlines };
    }
    const comma = text.indexOf(",", i);
    const nl = text.indexOf("\n", i);
    if (nl === -1 && !final) return null;
    const stop = nl === -1 ? text.length : nl;
    if (comma !== -1 && comma < stop) {
      fields.push(text.slice(i, comma));
      i = comma + 1;
      continue;
    }
    fields.push(text.slice(i, stop));
    return { fields, end: nl === -1 ? text.length : nl + 1, newlines };
  }
}

function count(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

const lines = (n: number) => `${n} line${n === 1 ? "" : "s"}`;

export async function* csvRecords(input: AsyncIterable<Buffer | string>): AsyncGenerator<CsvRecord[]> {
  // Invalid UTF-8 becomes U+FFFD, which row validation reports.
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let line = 1;
  let first = true;
  // A CR at the end of a chunk may be the first half of a CRLF.
  let pendingCr = false;
  // Reading past the rest of a line already rejected (an over-long record).
  let skipping = false;
  // Fields of the header, the first record: what a record spanning lines must have to be taken as one.
  let expectedFields: number | undefined;

  const normalize = (text: string, final: boolean): string => {
    if (pendingCr) text = `\r${text}`;
    pendingCr = !final && text.endsWith("\r");
    if (pendingCr) text = text.slice(0, -1);
    return text.indexOf("\r") === -1 ? text : text.replace(/\r\n?/g, "\n");
  };

  // Appends the records complete in `text` to `batch`; returns where the rest begins.
  function take(text: string, final: boolean, batch: CsvRecord[]): number {
    let pos = 0;
    // After a rejected record whose own line goes on: resume at the next line.
    const skipRestOfLine = () => {
      const nl = text.indexOf("\n", pos);
      if (nl === -1) {
        skipping = !final;
        pos = text.length;
      } else {
        pos = nl + 1;
        line++;
      }
    };
    while (pos < text.length) {
      if (skipping) {
        skipping = false;
        skipRestOfLine();
        continue;
      }
      const nl = text.indexOf("\n", pos);
      if (nl === -1 && !final) {
        if (text.length - pos <= MAX_RECORD_CHARS) break;
        // One line longer than the limit: it cannot be a clearance record, and keeping it would hold it all in memory.
        const quote = text.indexOf('"', pos);
        if (quote === -1 || quote > pos + MAX_RECORD_CHARS) {
          batch.push({ line, fields: [], error: `record longer than ${MAX_RECORD_CHARS} characters (1 MiB): skipped` });
          skipRestOfLine();
          continue;
        }
      }
      const stop = nl === -1 ? text.length : nl;
      const raw = text.slice(pos, stop);
      if (raw === "") {
        pos = stop + 1;
        line++;
        continue;
      }
      if (raw.indexOf('"') === -1) {
        const fields = raw.split(",");
        expectedFields ??= fields.length;
        batch.push({ line, fields });
        pos = stop + 1;
        line++;
        continue;
      }
      const parsed = parseQuotedRecord(text, pos, final);
      if (!parsed && text.length - pos <= MAX_RECORD_CHARS) break;
      const spanned = parsed?.newlines ?? count(text, pos, text.length);
      const spansBadly =
        spanned > 0 &&
        ("error" in parsed! || (expectedFields !== undefined && parsed!.fields.length !== expectedFields));
      if (!parsed || spansBadly) {
        const atEnd = parsed && "error" in parsed && parsed.error === "unterminated quoted field";
        // Up to the end of the file, a final line break starts no further line.
        const swallowed = atEnd && text.endsWith("\n") ? spanned - 1 : spanned;
        const why = !parsed
          ? `the record is not complete within 1 MiB (an unterminated quote, or a field over the 1 MiB limit): read on, it would swallow at least the next ${lines(swallowed)}`
          : `unterminated quote: read as one field, it would swallow the next ${lines(swallowed)}${atEnd ? " up to the end of the file" : ""}`;
        const fields =
          parsed && !("error" in parsed)
            ? ` and leave ${parsed.fields.length} fields where the header has ${expectedFields}`
            : "";
        batch.push({
          line,
          // The fields before the quote, which are whole: enough to say which row the rejected line was.
          fields: raw.slice(0, raw.indexOf('"')).split(",").slice(0, -1),
          error: `${why}${fields}; only line ${line} is rejected, the lines after it are read on their own`,
        });
        skipRestOfLine();
        continue;
      }
      if ("error" in parsed!) {
        batch.push({ line, fields: [], error: parsed.error });
      } else {
        expectedFields ??= parsed!.fields.length;
        batch.push({ line, fields: parsed!.fields });
      }
      line += parsed!.newlines + 1;
      pos = parsed!.end;
    }
    return pos;
  }

  const run = (text: string, final: boolean): CsvRecord[] => {
    const batch: CsvRecord[] = [];
    carry = text.slice(take(text, final, batch));
    return batch;
  };

  for await (const chunk of input) {
    let text = typeof chunk === "string" ? chunk : decoder.write(chunk);
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const batch = run(carry + normalize(text, false), false);
    if (batch.length) yield batch;
  }
  const rest = carry + normalize(decoder.end(), true);
  carry = "";
  if (rest) {
    const batch = run(rest, true);
    if (batch.length) yield batch;
  }
}
