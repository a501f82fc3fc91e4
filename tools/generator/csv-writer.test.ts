import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { CsvFileWriter, csvField, csvLine } from "./csv-writer";
import { dayOf } from "./local-time";

const dir = mkdtempSync(path.join(tmpdir(), "pmc-csv-writer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("csvField", () => {
  it("quotes only fields with a comma, a quote or a line break, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("Motor cars, used")).toBe('"Motor cars, used"');
    expect(csvField('12" screen')).toBe('"12"" screen"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvLine(["a", "b,c"])).toBe('a,"b,c"');
  });
});

describe("CsvFileWriter", () => {
  it("writes typed fields that a standard CSV parser reads back exactly", async () => {
    const file = path.join(dir, "sample.csv");
    const writer = new CsvFileWriter(file, ["id", "when", "amount", "kg", "n", "text", "none"]);
    const t = dayOf(2025, 3, 9) * 86_400 + 7 * 3600 + 5 * 60 + 9;
    writer.text("A-1").timestamp(t).cents(123_405).grams(12_050).int(0).text(csvField('Aïcha, "Ngo"')).empty().end();
    writer
      .text("A-2")
      .timestamp(t + 86_399)
      .cents(500)
      .grams(3000)
      .int(1_234_567_890)
      .text("x")
      .empty()
      .end();
    writer.push("A-3,2025-12-31 23:59:59,0.05,0.001,7,y,");
    await writer.close();

    const text = readFileSync(file, "utf8");
    expect(text.endsWith("\n")).toBe(true);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        id: "A-1",
        when: "2025-03-09 07:05:09",
        amount: "1234.05",
        kg: "12.050",
        n: "0",
        text: 'Aïcha, "Ngo"',
        none: "",
      },
      { id: "A-2", when: "2025-03-10 07:05:08", amount: "5", kg: "3", n: "1234567890", text: "x", none: "" },
      { id: "A-3", when: "2025-12-31 23:59:59", amount: "0.05", kg: "0.001", n: "7", text: "y", none: "" },
    ]);
    expect(writer.rows).toBe(3);
  });

  it("streams more than one chunk without losing or reordering rows", async () => {
    const file = path.join(dir, "large.csv");
    const writer = new CsvFileWriter(file, ["n", "padding"]);
    const padding = "p".repeat(200);
    for (let i = 0; i < 20_000; i++) {
      writer.int(i).text(padding).end();
      if (i % 1000 === 0) await writer.drain();
    }
    await writer.close();
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(20_001);
    expect(lines[1]).toBe(`0,${padding}`);
    expect(lines[20_000]).toBe(`19999,${padding}`);
  });
});
