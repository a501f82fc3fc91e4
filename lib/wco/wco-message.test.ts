import { describe, expect, it } from "vitest";
import { elementPath, parseXmlTree, XmlSyntaxError, type XmlNode } from "@/lib/wco/xml-tree";
import { classifyMessage, normalizeMessage, problemAtLine, WCO_NS } from "@/lib/wco/wco-message";

const parse = (xml: string) => parseXmlTree([xml]);

describe("WCO messages: classification and the validator's copy", () => {
  it("tells declarations, notifications and other XML apart, unwrapping a submission envelope", async () => {
    const dec = await parse(
      `<md:MetaData xmlns:md="${WCO_NS.metaData}" xmlns="${WCO_NS.declaration}"><Declaration/></md:MetaData>`,
    );
    expect(classifyMessage(dec)).toMatchObject({ kind: "DEC", note: null });
    const wrapped = await parse(
      `<v1:submitDeclarationRequest xmlns:v1="urn:x"><v1:requestDetail>` +
        `<md:MetaData xmlns:md="${WCO_NS.metaData}" xmlns="${WCO_NS.declaration}"><Declaration/></md:MetaData>` +
        `</v1:requestDetail></v1:submitDeclarationRequest>`,
    );
    expect(classifyMessage(wrapped)).toMatchObject({ kind: "DEC", note: "unwrapped from submitDeclarationRequest" });
    const res = await parse(`<MetaData><Response/><Response/></MetaData>`);
    const classified = classifyMessage(res);
    expect(classified.kind === "RES" && classified.responses.length).toBe(2);
    expect(classifyMessage(await parse(`<inv:goodsArrival xmlns:inv="urn:inv"/>`))).toEqual({
      kind: "OTHER",
      note: "root element goodsArrival: not a WCO Data Model message",
    });
  });

  it("reports where a file stops being well-formed XML", async () => {
    await expect(parse(`<MetaData>\n<Response>\n<!-- a -- b -->\n</Response></MetaData>`)).rejects.toMatchObject({
      line: 3,
    });
    await expect(parse(`<a>`)).rejects.toBeInstanceOf(XmlSyntaxError);
  });

  it("writes one element per line, escapes line breaks, and puts namespace-less notifications in the RES namespaces", async () => {
    const tree = await parse(
      `<MetaData>\n  <WCOTypeName>RES</WCOTypeName>\n  <Response>\n    <FunctionCode>01</FunctionCode>\n` +
        `    <IssueDateTime><DateTimeString formatCode="304">20240222100938Z\n    </DateTimeString></IssueDateTime>\n` +
        `  </Response>\n</MetaData>`,
    );
    const message = classifyMessage(tree);
    if (message.kind !== "RES") throw new Error("expected RES");
    const normalized = normalizeMessage(message);
    expect(normalized.xml.split("\n")).toEqual([
      `<n0:MetaData xmlns:n0="${WCO_NS.metaData}" xmlns:n1="${WCO_NS.response}" xmlns:n2="${WCO_NS.responseDataSet}">`,
      "<n0:WCOTypeName>RES</n0:WCOTypeName>",
      "<n1:Response>",
      "<n1:FunctionCode>01</n1:FunctionCode>",
      "<n1:IssueDateTime>",
      '<n2:DateTimeString formatCode="304">20240222100938Z&#10;    </n2:DateTimeString></n1:IssueDateTime></n1:Response></n0:MetaData>',
    ]);
    // Line 6 of the copy is the DateTimeString, which starts on line 5 of the file.
    expect(problemAtLine(normalized, 6, "bad value")).toEqual({
      line: 5,
      path: "/MetaData/Response/IssueDateTime/DateTimeString",
      reason: "bad value",
    });
  });

  it("places an error on any line of the copy as the tree would, repeated and wrapped elements included", async () => {
    const tree = await parse(
      `<v1:submitDeclarationRequest xmlns:v1="urn:x"><v1:requestDetail>\n` +
        `<md:MetaData xmlns:md="${WCO_NS.metaData}" xmlns="${WCO_NS.declaration}"><Declaration>\n` +
        `<GoodsShipment><GovernmentAgencyGoodsItem><SequenceNumeric>1</SequenceNumeric></GovernmentAgencyGoodsItem>\n` +
        `<GovernmentAgencyGoodsItem><SequenceNumeric>2</SequenceNumeric><Commodity/></GovernmentAgencyGoodsItem>\n` +
        `</GoodsShipment></Declaration></md:MetaData></v1:requestDetail></v1:submitDeclarationRequest>`,
    );
    const message = classifyMessage(tree);
    if (message.kind !== "DEC") throw new Error("expected DEC");
    const normalized = normalizeMessage(message);
    const inOrder: XmlNode[] = [];
    const walk = (node: XmlNode) => {
      inOrder.push(node);
      node.children.forEach(walk);
    };
    walk(message.metaData);
    expect(inOrder.map((_, i) => problemAtLine(normalized, i + 1, "x"))).toEqual(
      inOrder.map((node) => ({ line: node.line, path: elementPath(node), reason: "x" })),
    );
    expect(problemAtLine(normalized, 7, "x").path).toBe(
      "/submitDeclarationRequest/requestDetail/MetaData/Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/" +
        "SequenceNumeric",
    );
    // A line the copy does not have (libxml2 naming the document) falls on the first element.
    expect(problemAtLine(normalized, 99, "x")).toEqual({
      line: 2,
      path: "/submitDeclarationRequest/requestDetail/MetaData",
      reason: "x",
    });
  });

  it("reads the full declaration a response carries after its own Declaration in the DEC namespace", async () => {
    const message = classifyMessage(
      await parse(
        `<MetaData><Response><Declaration><ID>M</ID></Declaration><Declaration><ID>M</ID></Declaration></Response></MetaData>`,
      ),
    );
    if (message.kind !== "RES") throw new Error("expected RES");
    const lines = normalizeMessage(message).xml.split("\n");
    expect(lines[2]).toBe("<n1:Declaration>");
    expect(lines[4]).toBe("<n2:Declaration>");
    expect(lines[0]).toContain(`xmlns:n2="${WCO_NS.declaration}"`);
  });
});
