import { describe, expect, it } from "vitest";
import { parseXmlTree } from "@/lib/wco/xml-tree";
import { classifyMessage } from "@/lib/wco/wco-message";
import { mapNotification } from "@/lib/wco/map-notification";
import { mapDeclaration } from "@/lib/wco/map-declaration";
import { exportProblem, lrnFor, writeWcoMessages, type ExportDeclaration } from "@/lib/wco/write-wco-messages";

const BASE: ExportDeclaration = {
  declId: "D1",
  officeCode: "CMDLA1",
  flow: "I",
  regime: "IM4",
  brokerId: "BR01",
  importerId: "IMP01",
  exportCountry: "CN",
  regTs: "2025-03-03 08:15:00",
  laneInitial: "G",
  laneFinal: "G",
  asmtTs: null,
  payTs: null,
  releaseTs: null,
  valueInitial: "1500",
  valueFinal: null,
  taxesInitial: "300",
  taxesFinal: null,
  status: "registered",
  rerouteTs: null,
  cancelTs: null,
  items: [
    {
      itemNo: 1,
      hsCode: "85171300",
      description: "Phones",
      originCountry: "CN",
      netKg: "1",
      grossKg: "2",
      suppQty: null,
      suppUnit: null,
      cifValue: "1000",
      taxes: "200",
    },
    {
      itemNo: 2,
      hsCode: "851762",
      description: null,
      originCountry: "CN",
      netKg: null,
      grossKg: null,
      suppQty: null,
      suppUnit: null,
      cifValue: "500",
      taxes: "100",
    },
  ],
};

async function read(xml: string) {
  const message = classifyMessage(await parseXmlTree([xml]));
  if (message.kind !== "RES") throw new Error("not a notification");
  const mapped = mapNotification(message.responses[0]!);
  if (!mapped.ok) throw new Error(mapped.problem.reason);
  return mapped.value;
}

describe("WCO messages of one declaration", () => {
  it("tells a registered declaration as a declaration and its acceptance, with the items' taxes", async () => {
    const files = writeWcoMessages(BASE, "D1");
    expect(files.map((f) => f.name)).toEqual(["00_DEC.xml", "01_DMSACC.xml"]);
    expect(await read(files[1]!.xml)).toMatchObject({
      functionCode: 1,
      issuedAt: "2025-03-03 08:15:00",
      mrn: "D1",
      taxAssessed: "300",
      items: [
        { seq: 1, base: null, taxes: "200" },
        { seq: 2, base: null, taxes: "100" },
      ],
    });
  });

  it("writes the lanes in order: routed to green, then re-routed to red", async () => {
    const files = writeWcoMessages({ ...BASE, laneFinal: "R", rerouteTs: "2025-03-03 09:00:00" }, "D1");
    expect(files.map((f) => f.name)).toEqual(["00_DEC.xml", "01_DMSACC.xml", "02_DMSROG.xml", "03_DMSROG.xml"]);
    expect((await read(files[2]!.xml)).lane).toBe("G");
    expect(await read(files[3]!.xml)).toMatchObject({ lane: "R", issuedAt: "2025-03-03 09:00:00" });
  });

  it("splits the assessed value over the items as tax bases and reports payment, release and cancellation", async () => {
    const files = writeWcoMessages(
      {
        ...BASE,
        laneInitial: "Y",
        laneFinal: "Y",
        asmtTs: "2025-03-03 10:00:00",
        payTs: "2025-03-03 12:00:00",
        releaseTs: "2025-03-03 14:00:00",
        valueFinal: "1600",
        taxesFinal: "320",
        status: "cancelled",
      },
      "D1",
    );
    expect(files.map((f) => f.name)).toEqual([
      "00_DEC.xml",
      "01_DMSACC.xml",
      "02_DMSDOC.xml",
      "03_DMSTAX.xml",
      "04_DMSTAX.xml",
      "05_DMSCLE.xml",
      "06_DMSRES.xml",
    ]);
    // 1600 over customs values 1000 : 500 → 1066.66 and the remainder 533.34.
    expect(await read(files[3]!.xml)).toMatchObject({
      taxAssessed: "320",
      items: [
        { seq: 1, base: "1066.66", taxes: "200" },
        { seq: 2, base: "533.34", taxes: "100" },
      ],
    });
    expect(await read(files[4]!.xml)).toMatchObject({ taxPaid: "320", taxAssessed: null, items: [] });
    expect(await read(files[6]!.xml)).toMatchObject({ cancelledAt: "2025-03-03 14:00:00" });
  });

  it("names what the schemas cannot hold, and shortens a long LRN", () => {
    expect(exportProblem({ ...BASE, brokerId: "B".repeat(18) })).toBe("broker_id longer than 17 characters");
    expect(exportProblem(BASE)).toBeNull();
    expect(lrnFor("X".repeat(40), () => "f".repeat(64))).toBe(`PMC${"f".repeat(32)}`);
  });

  it("keeps a description's line breaks, tabs and markup characters exactly, and leaves a blank one out", async () => {
    const description = "Wine <red> & white\r\n\tbottled  ";
    const items = [
      { ...BASE.items[0]!, description },
      { ...BASE.items[1]!, description: "   " },
    ];
    const [dec] = writeWcoMessages({ ...BASE, items }, "D1");
    const message = classifyMessage(await parseXmlTree([dec!.xml]));
    if (message.kind !== "DEC") throw new Error("not a declaration");
    const mapped = mapDeclaration(message.declaration);
    if (!mapped.ok) throw new Error(mapped.problem.reason);
    expect(mapped.value.items.map((i) => i.description)).toEqual([description, null]);
    expect(exportProblem({ ...BASE, items: [{ ...BASE.items[0]!, description: "bell\u0007" }] })).toBe(
      "a control character XML cannot carry",
    );
    expect(exportProblem({ ...BASE, regTs: "1999-12-31 23:00:00" })).toBe("a date outside 2000–2099");
  });
});
