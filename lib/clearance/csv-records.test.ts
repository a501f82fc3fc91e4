import { describe, expect, it } from "vitest";
import { csvRecords, type CsvRecord } from "@/lib/clearance/csv-records";

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

  it("reports an unterminated quote and text after a closing quote as errors", async () => {
    expect(simple(await read(['a,b\n1,"x"y\n2,z\n3,"open\n']))).toEqual([
      '1:["a","b"]',
      "2:ERR unexpected text after a closing quote",
      '3:["2","z"]',
      "4:ERR unterminated quoted field",
    ]);
  });
});
