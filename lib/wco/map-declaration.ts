// A DEC-DMS declaration mapped to the canonical fields (docs/data-format.md, "WCO Data Model messages"). Pure: the
// import stages what it returns, and a message it cannot map is rejected with the element and the reason.
import { childNamed, childrenNamed, elementPath, nodeAt, textAt, type XmlNode } from "@/lib/wco/xml-tree";
import { decimalText } from "@/lib/wco/wco-values";

export type MappedItem = {
  seq: number;
  hsCode: string | null;
  description: string | null;
  origin: string | null;
  netKg: string | null;
  grossKg: string | null;
  suppQty: string | null;
  suppUnit: string | null;
  value: string | null;
};

export type MappedDeclaration = {
  // 9 = original, 13 = amendment (or a cancellation request, which customs still has to accept).
  functionCode: number;
  lrn: string | null;
  mrn: string | null;
  typeCode: string | null;
  office: string | null;
  declarant: string | null;
  importer: string | null;
  exportCountry: string | null;
  invoiceAmount: string | null;
  items: MappedItem[];
  // Goods items an original declaration gives without what the canonical items need (a commodity code, an
  // origin): the declaration is kept without them, and each is reported like a rejected row.
  itemProblems: MappingProblem[];
};

export type MappingProblem = { node: XmlNode; path: string; reason: string };

export type MappingResult<T> = { ok: true; value: T } | { ok: false; problem: MappingProblem };

const problem = (node: XmlNode, reason: string, below?: string): { ok: false; problem: MappingProblem } => ({
  ok: false,
  problem: { node, path: elementPath(node) + (below ? `/${below}` : ""), reason },
});

// Commodity codes of the tariff (TSP: the simplified procedure's code, CV: the combined nomenclature); their first
// six digits are the HS6.
const TARIFF_CODE_TYPES = ["TSP", "CV"];
const MONEY_SCALE = 2;
const MASS_SCALE = 3;

class MappingError extends Error {
  constructor(readonly failure: { ok: false; problem: MappingProblem }) {
    super(failure.problem.reason);
  }
}

export function mapDeclaration(declaration: XmlNode): MappingResult<MappedDeclaration> {
  try {
    return { ok: true, value: readDeclaration(declaration) };
  } catch (error) {
    if (error instanceof MappingError) return error.failure;
    throw error;
  }
}

function readDeclaration(declaration: XmlNode): MappedDeclaration {
  const functionCode = Number(textAt(declaration, "FunctionCode"));
  if (!Number.isInteger(functionCode)) throw new MappingError(problem(declaration, "no FunctionCode", "FunctionCode"));
  const original = functionCode === 9;
  const lrn = textAt(declaration, "FunctionalReferenceID");
  const mrn = textAt(declaration, "ID");
  if (original && !lrn) {
    throw new MappingError(
      problem(declaration, "an original declaration needs its LRN (DE 2/5)", "FunctionalReferenceID"),
    );
  }
  if (!lrn && !mrn) {
    throw new MappingError(problem(declaration, "neither an LRN nor an MRN: no declaration to amend", "ID"));
  }
  const rates = exchangeRates(declaration);
  const goodsShipment = childNamed(declaration, "GoodsShipment");
  const office = textAt(declaration, "SupervisingOffice/ID") ?? textAt(goodsShipment, "Consignment/GoodsLocation/Name");
  if (original && !office) {
    throw new MappingError(
      problem(
        declaration,
        "no office: neither SupervisingOffice/ID nor GoodsShipment/Consignment/GoodsLocation/Name",
        "SupervisingOffice",
      ),
    );
  }
  const exportCountry = textAt(goodsShipment, "ExportCountry/ID");
  const exportNode = nodeAt(goodsShipment, "ExportCountry/ID");
  if (exportCountry && !/^[A-Z]{2}$/.test(exportCountry)) {
    throw new MappingError(problem(exportNode!, `not an ISO 3166 alpha-2 country code: "${exportCountry}"`));
  }
  const items: MappedItem[] = [];
  const itemProblems: MappingProblem[] = [];
  const seen = new Set<number>();
  for (const node of childrenNamed(goodsShipment, "GovernmentAgencyGoodsItem")) {
    const item = readItem(node, rates);
    if (seen.has(item.seq)) {
      throw new MappingError(problem(node, `goods item number ${item.seq} appears twice`, "SequenceNumeric"));
    }
    seen.add(item.seq);
    const missing = original ? missingItemFields(node, item) : null;
    if (missing) itemProblems.push(missing);
    else items.push(item);
  }
  return {
    functionCode,
    lrn,
    mrn,
    // An amendment's TypeCode says what kind of amendment it is (COR, INV…), not the declaration's type.
    typeCode: original ? textAt(declaration, "TypeCode") : null,
    office,
    declarant: textAt(declaration, "Declarant/ID"),
    importer: textAt(goodsShipment, "Importer/ID"),
    exportCountry,
    invoiceAmount: amount(childNamed(declaration, "InvoiceAmount"), rates),
    items,
    itemProblems,
  };
}

// CurrencyExchange (DE 4/15): national currency units per unit of the declared currency.
function exchangeRates(declaration: XmlNode): Map<string, string> {
  const rates = new Map<string, string>();
  for (const exchange of childrenNamed(declaration, "CurrencyExchange")) {
    const currency = textAt(exchange, "CurrencyTypeCode");
    const rate = textAt(exchange, "RateNumeric");
    if (currency && rate) rates.set(currency, rate);
  }
  return rates;
}

function amount(node: XmlNode | null, rates: Map<string, string>): string | null {
  if (!node || !node.text.trim()) return null;
  const rate = rates.get(node.attributes.currencyID ?? "") ?? null;
  const value = decimalText(node.text, MONEY_SCALE, rate);
  if (value === null) throw new MappingError(problem(node, `not an amount: "${node.text.trim()}"`));
  return value;
}

function measure(node: XmlNode | null): string | null {
  if (!node || !node.text.trim()) return null;
  const value = decimalText(node.text, MASS_SCALE);
  if (value === null || value.startsWith("-")) {
    throw new MappingError(problem(node, `not a quantity ≥ 0: "${node.text.trim()}"`));
  }
  return value;
}

function missingItemFields(node: XmlNode, item: MappedItem): MappingProblem | null {
  if (item.hsCode === null) {
    return problem(node, "goods item without a commodity code (Classification TSP or CV): not registered", "Commodity")
      .problem;
  }
  if (item.origin === null) {
    return problem(node, "goods item without a country of origin (DE 5/15): not registered", "Origin").problem;
  }
  return null;
}

function readItem(item: XmlNode, rates: Map<string, string>): MappedItem {
  const seqText = textAt(item, "SequenceNumeric");
  const seq = Number(seqText);
  if (!seqText || !Number.isInteger(seq) || seq < 1) {
    throw new MappingError(problem(item, `not a goods item number ≥ 1: "${seqText ?? ""}"`, "SequenceNumeric"));
  }
  const commodity = childNamed(item, "Commodity");
  const classification = childrenNamed(commodity, "Classification").find((c) =>
    TARIFF_CODE_TYPES.includes(textAt(c, "IdentificationTypeCode") ?? ""),
  );
  const hsCode = textAt(classification, "ID");
  if (hsCode !== null && !/^\d{6,10}$/.test(hsCode)) {
    throw new MappingError(
      problem(nodeAt(classification, "ID")!, `commodity code must have 6 to 10 digits: "${hsCode}"`),
    );
  }
  // Non-preferential origin (TypeCode 1) first, as the field guide says; else the only origin given.
  const origins = childrenNamed(item, "Origin");
  const originNode = origins.find((o) => textAt(o, "TypeCode") === "1") ?? origins[0] ?? null;
  const origin = textAt(originNode, "CountryCode");
  if (origin !== null && !/^[A-Z]{2}$/.test(origin)) {
    throw new MappingError(
      problem(nodeAt(originNode, "CountryCode")!, `not an ISO 3166 alpha-2 country code: "${origin}"`),
    );
  }
  const goodsMeasure = childNamed(commodity, "GoodsMeasure");
  const tariffQuantity = childNamed(goodsMeasure, "TariffQuantity");
  // The description as written (a free text), when it says anything.
  const descriptionText = childNamed(commodity, "Description")?.text ?? "";
  const description = descriptionText.trim() ? descriptionText : null;
  return {
    seq,
    hsCode,
    description,
    origin,
    netKg: measure(childNamed(goodsMeasure, "NetNetWeightMeasure")),
    grossKg: measure(childNamed(goodsMeasure, "GrossMassMeasure")),
    suppQty: measure(tariffQuantity),
    suppUnit: tariffQuantity?.attributes.unitCode ?? null,
    // The customs value when declared (DE 4/18), else the item price (DE 4/14).
    value:
      amount(childNamed(item, "CustomsValueAmount"), rates) ??
      amount(nodeAt(commodity, "InvoiceLine/ItemChargeAmount"), rates),
  };
}
