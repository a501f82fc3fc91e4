// Mapping of declarations and notifications, on small hand-written messages shaped like the public samples.
import { describe, expect, it } from "vitest";
import { parseXmlTree } from "@/lib/wco/xml-tree";
import { classifyMessage, WCO_NS } from "@/lib/wco/wco-message";
import { mapDeclaration } from "@/lib/wco/map-declaration";
import { mapNotification } from "@/lib/wco/map-notification";

async function declaration(body: string) {
  const message = classifyMessage(
    await parseXmlTree([
      `<md:MetaData xmlns:md="${WCO_NS.metaData}" xmlns="${WCO_NS.declaration}">\n<Declaration>\n${body}\n</Declaration>\n</md:MetaData>`,
    ]),
  );
  if (message.kind !== "DEC") throw new Error("not a declaration");
  return mapDeclaration(message.declaration);
}

async function notification(body: string) {
  const message = classifyMessage(await parseXmlTree([`<MetaData>\n<Response>\n${body}\n</Response>\n</MetaData>`]));
  if (message.kind !== "RES") throw new Error("not a notification");
  return mapNotification(message.responses[0]!);
}

const ITEM = (seq: number, extra = "") => `<GovernmentAgencyGoodsItem>
  <SequenceNumeric>${seq}</SequenceNumeric>
  <Commodity>
    <Description>Shavers</Description>
    <Classification><ID>85109000</ID><IdentificationTypeCode>TSP</IdentificationTypeCode></Classification>
    <Classification><ID>00</ID><IdentificationTypeCode>TRC</IdentificationTypeCode></Classification>
    <GoodsMeasure><GrossMassMeasure>150</GrossMassMeasure><NetNetWeightMeasure>100.0004</NetNetWeightMeasure></GoodsMeasure>
    <InvoiceLine><ItemChargeAmount currencyID="USD">1000</ItemChargeAmount></InvoiceLine>
  </Commodity>
  <Origin><CountryCode>CN</CountryCode><TypeCode>2</TypeCode></Origin>
  <Origin><CountryCode>US</CountryCode><TypeCode>1</TypeCode></Origin>${extra}
</GovernmentAgencyGoodsItem>`;

describe("DEC-DMS declaration mapping", () => {
  it("reads the canonical fields, converting amounts with the declared exchange rate", async () => {
    const result = await declaration(`<FunctionCode>9</FunctionCode>
<FunctionalReferenceID>LRN-1</FunctionalReferenceID>
<TypeCode>IMA</TypeCode>
<InvoiceAmount currencyID="USD">1000</InvoiceAmount>
<CurrencyExchange><CurrencyTypeCode>USD</CurrencyTypeCode><RateNumeric>0.8</RateNumeric></CurrencyExchange>
<Declarant><ID>GB603202734852</ID></Declarant>
<GoodsShipment>
<Consignment><GoodsLocation><Name>WLALONBTW</Name></GoodsLocation></Consignment>
<ExportCountry><ID>US</ID></ExportCountry>
${ITEM(1)}
<Importer><ID>GB553202734852</ID></Importer>
</GoodsShipment>`);
    expect(result).toEqual({
      ok: true,
      value: {
        functionCode: 9,
        lrn: "LRN-1",
        mrn: null,
        typeCode: "IMA",
        // No SupervisingOffice: the goods location names the office.
        office: "WLALONBTW",
        declarant: "GB603202734852",
        importer: "GB553202734852",
        exportCountry: "US",
        invoiceAmount: "800",
        items: [
          {
            seq: 1,
            hsCode: "85109000",
            description: "Shavers",
            // The non-preferential origin (TypeCode 1), not the first one.
            origin: "US",
            netKg: "100",
            grossKg: "150",
            suppQty: null,
            suppUnit: null,
            value: "800",
          },
        ],
        itemProblems: [],
      },
    });
  });

  it("keeps the declaration without a goods item that has no commodity code, and reports that item", async () => {
    const result = await declaration(`<FunctionCode>9</FunctionCode>
<FunctionalReferenceID>LRN-2</FunctionalReferenceID>
<SupervisingOffice><ID>GBLHR001</ID></SupervisingOffice>
<GoodsShipment>
${ITEM(1)}
<GovernmentAgencyGoodsItem><SequenceNumeric>2</SequenceNumeric><Commodity><Description>Books</Description></Commodity></GovernmentAgencyGoodsItem>
</GoodsShipment>`);
    if (!result.ok) throw new Error(result.problem.reason);
    expect(result.value.office).toBe("GBLHR001");
    expect(result.value.items.map((i) => i.seq)).toEqual([1]);
    expect(result.value.itemProblems.map(({ path, reason }) => ({ path, reason }))).toEqual([
      {
        path: "/MetaData/Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/Commodity",
        reason: "goods item without a commodity code (Classification TSP or CV): not registered",
      },
    ]);
  });

  it("rejects an original without an office, naming the element", async () => {
    const result = await declaration(`<FunctionCode>9</FunctionCode>
<FunctionalReferenceID>LRN-3</FunctionalReferenceID>`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.path).toBe("/MetaData/Declaration/SupervisingOffice");
    expect(result.problem.reason).toMatch(/^no office/);
    // The Declaration element starts on line 2 of the message.
    expect(result.problem.node.line).toBe(2);
  });

  it("reads an amendment's changed values without its TypeCode, which names the amendment", async () => {
    const result = await declaration(`<FunctionCode>13</FunctionCode>
<FunctionalReferenceID>LRN-1</FunctionalReferenceID>
<ID>25GB17K2U6WMM38A05</ID>
<TypeCode>COR</TypeCode>
<GoodsShipment><GovernmentAgencyGoodsItem><CustomsValueAmount currencyID="GBP">115.66</CustomsValueAmount><SequenceNumeric>1</SequenceNumeric></GovernmentAgencyGoodsItem></GoodsShipment>`);
    if (!result.ok) throw new Error(result.problem.reason);
    expect(result.value).toMatchObject({ functionCode: 13, mrn: "25GB17K2U6WMM38A05", typeCode: null, office: null });
    expect(result.value.items).toEqual([
      expect.objectContaining({ seq: 1, value: "115.66", hsCode: null, origin: null }),
    ]);
  });
});

describe("RES notification mapping", () => {
  const head = (code: string) => `<FunctionCode>${code}</FunctionCode>
<IssueDateTime><DateTimeString formatCode="304">20240222100938Z</DateTimeString></IssueDateTime>`;
  const decl = `<Declaration><FunctionalReferenceID>LRN-1</FunctionalReferenceID><ID>24GB22WOA1EV2P6AR5</ID></Declaration>`;

  it("reads the acceptance's time, LRN and MRN", async () => {
    expect(await notification(`${head("01")}\n${decl}`)).toEqual({
      ok: true,
      value: {
        functionCode: 1,
        issuedAt: "2024-02-22 10:09:38",
        lrn: "LRN-1",
        mrn: "24GB22WOA1EV2P6AR5",
        cancelledAt: null,
        lane: null,
        taxAssessed: null,
        taxPaid: null,
        items: [],
      },
    });
  });

  it("gives control notifications a lane: documents yellow, control red, or the lane the portal wrote", async () => {
    const lane = async (body: string) => {
      const r = await notification(body);
      return r.ok ? r.value.lane : r.problem.reason;
    };
    expect(await lane(`${head("06")}\n${decl}`)).toBe("Y");
    expect(await lane(`${head("05")}\n${decl}`)).toBe("R");
    expect(await lane(`${head("08")}\n${decl}`)).toBe("R");
    expect(
      await lane(
        `${head("08")}\n<AdditionalInformation><StatementCode>LANE_G</StatementCode><StatementTypeCode>PMC</StatementTypeCode></AdditionalInformation>\n${decl}`,
      ),
    ).toBe("G");
    expect(await lane(`${head("09")}\n${decl}`)).toBeNull();
  });

  it("sums each item's duties and taxes (to pay, else assessed) and takes the first line's base", async () => {
    const result = await notification(`${head("13")}
<Declaration><ID>24GB22WOA1EV2P6AR5</ID>
<GoodsShipment><GovernmentAgencyGoodsItem><SequenceNumeric>1</SequenceNumeric><Commodity>
<DutyTaxFee><AdValoremTaxBaseAmount currencyID="GBP">1000.00</AdValoremTaxBaseAmount><TypeCode>A00</TypeCode>
<Payment><TaxAssessedAmount currencyID="GBP">20.00</TaxAssessedAmount><PaymentAmount currencyID="GBP">20.00</PaymentAmount></Payment></DutyTaxFee>
<DutyTaxFee><AdValoremTaxBaseAmount currencyID="GBP">1020.00</AdValoremTaxBaseAmount><TypeCode>B00</TypeCode>
<Payment><TaxAssessedAmount currencyID="GBP">204.00</TaxAssessedAmount></Payment></DutyTaxFee>
</Commodity></GovernmentAgencyGoodsItem></GoodsShipment></Declaration>`);
    if (!result.ok) throw new Error(result.problem.reason);
    expect(result.value.items).toEqual([{ seq: 1, base: "1000", taxes: "224" }]);
  });

  it("rejects a notification without its time or without a declaration reference", async () => {
    const noTime = await notification(`<FunctionCode>09</FunctionCode>\n${decl}`);
    expect(noTime.ok ? null : [noTime.problem.path, noTime.problem.reason]).toEqual([
      "/MetaData/Response/IssueDateTime",
      "no IssueDateTime: when the event happened is required",
    ]);
    const noRef = await notification(`${head("09")}\n<Declaration><VersionID>1</VersionID></Declaration>`);
    expect(noRef.ok ? null : noRef.problem.path).toBe("/MetaData/Response/Declaration/ID");
  });
});
