import { describe, expect, it } from "vitest";
import { fileSpec } from "@/lib/clearance/canonical-files";
import { tableCopyColumns, tableCopyText } from "@/lib/clearance/straight-load";

// Spool lines as stage-file.ts writes them: the file's line number, then the file's columns, tab-separated.
describe("tableCopyText", () => {
  it("drops the line number of events and keeps everything else as it was", () => {
    const spec = fileSpec("events");
    const spool =
      "2\tD-1\t2025-01-01 08:25:17\tregister\t\\N\t\\N\t\\N\n13\tD-1\t2025-01-01 09:00:00\treroute\tO-7\tG\tR\n";
    expect(tableCopyText(spec, 9)(spool)).toBe(
      "D-1\t2025-01-01 08:25:17\tregister\t\\N\t\\N\t\\N\nD-1\t2025-01-01 09:00:00\treroute\tO-7\tG\tR\n",
    );
    expect(tableCopyColumns(spec)).toEqual(["decl_id", "ts", "action", "officer_id", "lane_from", "lane_to"]);
  });

  it("appends hs6, the first six digits of hs_code, to each item, whatever the text around it", () => {
    const spec = fileSpec("items");
    // Free text with an escaped tab and non-ASCII letters read one byte per character, as the spool is.
    const description = Buffer.from("Tomates, pr\u00e9par\u00e9es\\tpur\u00e9e", "utf8").toString("latin1");
    const spool = [
      `2\tD-1\t1\t20029000\t${description}\tES\t32449.233\t34564.206\t\\N\t\\N\t57325199\t25796339.55`,
      `3\tD-1\t2\t841821\t\\N\tVN\t1\t1\t\\N\t\\N\t5\t1`,
      "",
    ].join("\n");
    const out = tableCopyText(spec, 9)(spool).split("\n");
    expect(out[0]).toBe(
      `D-1\t1\t20029000\t${description}\tES\t32449.233\t34564.206\t\\N\t\\N\t57325199\t25796339.55\t200290`,
    );
    expect(out[1]).toBe("D-1\t2\t841821\t\\N\tVN\t1\t1\t\\N\t\\N\t5\t1\t841821");
    expect(out[2]).toBe("");
    expect(tableCopyColumns(spec).at(-1)).toBe("hs6");
    expect(tableCopyColumns(spec)).toHaveLength(spec.columns.length + 1);
  });

  it("appends the import batch to each declaration", () => {
    const spec = fileSpec("declarations");
    const values = spec.columns.map((c, i) => (i === 0 ? "D-1" : "\\N"));
    const out = tableCopyText(spec, 42)(`7\t${values.join("\t")}\n`);
    expect(out).toBe(`${values.join("\t")}\t42\n`);
    expect(tableCopyColumns(spec).at(-1)).toBe("import_batch_id");
  });

  it("rewrites a last line that has no line break", () => {
    expect(tableCopyText(fileSpec("events"), 1)("5\tD-2\t2025-01-02 10:00:00\tassess\tO-1\t\\N\t\\N")).toBe(
      "D-2\t2025-01-02 10:00:00\tassess\tO-1\t\\N\t\\N",
    );
  });
});
