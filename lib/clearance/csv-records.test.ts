import { describe, expect, it } from "vitest";
import { MAX_RECORD_CHARS, csvRecords, type CsvRecord } from "@/lib/clearance/csv-records";

async function read(chunks: (string | Buffer)[]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const batch of csvRecords(
    (async function* () {
      yield* chunks;
    })(),
  ))
    out.push(...batch);
  return out;
}

const simple = (records: CsvRecord[]) =>
  records.map((r) => (r.error ? `${r.line}:ERR ${r.error}` : `${r.line}:${JSON.stringify(r.fields)}`));

describe("csvRecords", () => {
  it("splits plain lines and numbers them, skipping empty lines, CRLF and a BOM", async () => {
    expect(simple(await read(["\uFEFFa,b\r\n1,2\r\n\r\n3,\n"]))).toEqual(['1:["a","b"]', '2:["1","2"]', '4:["3",""]']);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, keeping line numbers right", async () => {
    const text = 'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,x\n';
    expect(simple(await read([text]))).toEqual([
      '1:["id","note"]',
      '2:["1","a, b"]',
      '3:["2","say \\"hi\\""]',
      '4:["3","two\\nlines"]',
      '6:["4","x"]',
    ]);
  });

  it("gives the same records whatever the chunk boundaries", async () => {
    const text = 'h1,h2\n"a\n""b""",c\nd,"e,f"\ng,h';
    const whole = simple(await read([text]));
    for (let cut = 1; cut < text.length; cut++) {
      expect(simple(await read([text.slice(0, cut), text.slice(cut)]))).toEqual(whole);
    }
    expect(whole).toEqual(['1:["h1","h2"]', '2:["a\\n\\"b\\"","c"]', '4:["d","e,f"]', '5:["g","h"]']);
  });

  it("decodes UTF-8 split across chunks and marks invalid bytes", async () => {
    const bytes = Buffer.from("é,ü\n", "utf8");
    expect(simple(await read([bytes.subarray(0, 1), bytes.subarray(1)]))).toEqual(['1:["é","ü"]']);
    expect((await read([Buffer.from([0x61, 0xff, 0x2c, 0x62, 0x0a])]))[0]!.fields[0]).toBe("a\uFFFD");
  });

  it("reads CR-only, CRLF and mixed line endings alike, a CRLF split across chunks included", async () => {
    const expected = ['1:["a","b"]', '2:["1","2"]', '3:["3","4"]'];
    expect(simple(await read(["a,b\r1,2\r3,4\r"]))).toEqual(expected);
    expect(simple(await read(["a,b\r\n1,2\n3,4\r"]))).toEqual(expected);
    expect(simple(await read(["a,b\r", "\n1,2\r\n3,4"]))).toEqual(expected);
    // A stray CR before a CRLF is one more line break: an empty line, skipped, not a CR glued to the last field.
    expect(simple(await read(["a,b\r\r\n1,2\r\r\n3,4\r\r\n"]))).toEqual(['1:["a","b"]', '3:["1","2"]', '5:["3","4"]']);
  });

  it("reports text after a closing quote on its line, and a quote left open on the last line", async () => {
    expect(simple(await read(['a,b\n1,"x"y\n2,z\n3,"open']))).toEqual([
      '1:["a","b"]',
      "2:ERR unexpected text after a closing quote",
      '3:["2","z"]',
      "4:ERR unterminated quoted field",
    ]);
  });

  it("rejects only the line of an unterminated quote, saying how many lines it would swallow, and reads the rest", async () => {
    const text = 'a,b\n1,"open\n2,x\n3,y\n';
    const records = await read([text]);
    expect(simple(records).filter((r) => !r.includes("ERR"))).toEqual(['1:["a","b"]', '3:["2","x"]', '4:["3","y"]']);
    // The fields before the quote, whole, say which row the line was.
    expect(records[1]).toMatchObject({ line: 2, fields: ["1"] });
    expect(records[1]!.error).toBe(
      "unterminated quote: read as one field, it would swallow the next 2 lines up to the end of the file; only line 2 is rejected, the lines after it are read on their own",
    );
  });

  it("does not let a later quote close an unterminated one many lines down", async () => {
    // Line 2's quote would pair with the first quote of line 4, and the field read as one would end in a mess.
    const text = 'a,b\n1,"open\n2,x\n3,"q"\n4,y\n';
    const whole = simple(await read([text]));
    expect(whole).toEqual([
      '1:["a","b"]',
      "2:ERR unterminated quote: read as one field, it would swallow the next 2 lines; only line 2 is rejected, the lines after it are read on their own",
      '3:["2","x"]',
      '4:["3","q"]',
      '5:["4","y"]',
    ]);
    // A record spanning lines that ends well but with the wrong number of fields is taken as an unterminated quote.
    expect(simple(await read(['a,b\n1,"open\n2,x\n3,y",z\n4,w\n']))[1]).toBe(
      "2:ERR unterminated quote: read as one field, it would swallow the next 2 lines and leave 3 fields where the header has 2; only line 2 is rejected, the lines after it are read on their own",
    );
    for (let cut = 1; cut < text.length; cut++) {
      expect(simple(await read([text.slice(0, cut), text.slice(cut)]))).toEqual(whole);
    }
  });

  it("rejects a record over 1 MiB with its line and skips it with flat memory, even a 50 MB field", async () => {
    const chunk = "x".repeat(1 << 20);
    const start = process.memoryUsage().rss;
    let peak = start;
    const records: CsvRecord[] = [];
    for await (const batch of csvRecords(
      (async function* () {
        yield "a,b\n1,";
        for (let i = 0; i < 50; i++) {
          peak = Math.max(peak, process.memoryUsage().rss);
          yield chunk;
        }
        yield "\n2,y\n";
      })(),
    ))
      records.push(...batch);
    expect(simple(records)).toEqual([
      '1:["a","b"]',
      `2:ERR record longer than ${MAX_RECORD_CHARS} characters (1 MiB): skipped`,
      '3:["2","y"]',
    ]);
    // Read whole, the field alone would take hundreds of megabytes.
    expect((peak - start) / 1e6).toBeLessThan(100);
    // The same for a quoted field that never closes within the limit.
    const quoted = await read(['a,b\n1,"', chunk, chunk, '"\n2,y\n']);
    expect(quoted.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(quoted[1]!.error).toMatch(/^the record is not complete within 1 MiB/);
  });
});
