// One canonical declaration written as the WCO Data Model messages that tell its story (docs/data-format.md, "WCO
// Data Model messages"): the DEC-DMS declaration, then the RES notifications in time order (acceptance, control,
// re-routing, assessment, payment, clearance, cancellation), each valid against the schemas and read back by the
// import to the same declaration, items, values, dates, lanes and taxes. No officer appears in any of them. Pure.
import { splitDecimal, toWcoDateTime } from "@/lib/wco/wco-values";
import { LANE_STATEMENT_TYPE, laneStatementCode, NOTIFICATION, type Lane } from "@/lib/wco/map-notification";
import { WCO_NS } from "@/lib/wco/wco-message";

export type ExportItem = {
  itemNo: number;
  hsCode: string;
  description: string | null;
  originCountry: string;
  netKg: string | null;
  grossKg: string | null;
  suppQty: string | null;
  suppUnit: string | null;
  cifValue: string | null;
  taxes: string | null;
};

export type ExportDeclaration = {
  declId: string;
  officeCode: string;
  flow: "I" | "E";
  regime: string | null;
  brokerId: string | null;
  importerId: string | null;
  exportCountry: string | null;
  regTs: string;
  laneInitial: Lane;
  laneFinal: Lane;
  asmtTs: string | null;
  payTs: string | null;
  releaseTs: string | null;
  valueInitial: string | null;
  valueFinal: string | null;
  taxesInitial: string | null;
  taxesFinal: string | null;
  status: string;
  // From the events: when it was re-routed and when it was cancelled.
  rerouteTs: string | null;
  cancelTs: string | null;
  items: ExportItem[];
};

export type ExportFile = { name: string; xml: string };

// What the schemas allow (DEC-DMS and RES data sets): longer values cannot be written faithfully.
const LIMITS = { lrn: 35, mrn: 70, party: 17, office: 17, typeCode: 3, description: 512, unitCode: 5 } as const;

type Node = [name: string, content: string | Node[] | null, attributes?: Record<string, string>];

// Line breaks and tabs as character references, so that a parser's end-of-line handling cannot change them.
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\n": "&#10;",
  "\r": "&#13;",
  "\t": "&#9;",
};
const escape = (s: string) => s.replace(/[&<>"\n\r\t]/g, (c) => ESCAPES[c]!);

// Characters XML 1.0 cannot carry at all, even as references.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// Amounts and quantities: at most 16 digits in all (WCOFormat n..16).
const tooManyDigits = (v: string | null) => v !== null && v.replace(/[^\d]/g, "").replace(/^0+(?=\d)/, "").length > 16;
// The data model's date-times are of this century (20YYMMDD…).
const outOfCentury = (ts: string | null) => ts !== null && !ts.startsWith("20");

function render(node: Node, depth: number): string {
  const [name, content, attributes] = node;
  const pad = "\t".repeat(depth);
  const attrs = Object.entries(attributes ?? {})
    .map(([k, v]) => ` ${k}="${escape(v)}"`)
    .join("");
  if (typeof content === "string") return `${pad}<${name}${attrs}>${escape(content)}</${name}>`;
  const children = (content ?? []).filter(Boolean);
  if (!children.length) return `${pad}<${name}${attrs}/>`;
  return `${pad}<${name}${attrs}>\n${children.map((c) => render(c, depth + 1)).join("\n")}\n${pad}</${name}>`;
}

// Optional elements: absent when their value is.
const opt = (name: string, value: string | null | undefined, attributes?: Record<string, string>): Node[] =>
  value === null || value === undefined ? [] : [[name, value, attributes]];

function document(typeName: "DEC" | "RES", body: Node[]): string {
  const ns =
    typeName === "DEC"
      ? `xmlns="${WCO_NS.declaration}"`
      : `xmlns="${WCO_NS.response}" xmlns:ds="${WCO_NS.responseDataSet}"`;
  const inner = [["md:WCODataModelVersionCode", "3.6"] as Node, ["md:WCOTypeName", typeName] as Node, ...body]
    .map((n) => render(n, 1))
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<md:MetaData xmlns:md="${WCO_NS.metaData}" ${ns}>\n${inner}\n</md:MetaData>\n`;
}

// The trader's reference: the declaration's own id when it fits, else a digest of it (the acceptance pairs it with
// the MRN, so the import never needs to read it back).
export function lrnFor(declId: string, digest: (s: string) => string): string {
  return declId.length <= LIMITS.lrn ? declId : `PMC${digest(declId).slice(0, LIMITS.lrn - 3)}`;
}

export function exportProblem(d: ExportDeclaration): string | null {
  if (d.declId.length > LIMITS.mrn) return `decl_id longer than ${LIMITS.mrn} characters`;
  if (d.officeCode.length > LIMITS.office) return `office_code longer than ${LIMITS.office} characters`;
  if ((d.brokerId?.length ?? 0) > LIMITS.party) return `broker_id longer than ${LIMITS.party} characters`;
  if ((d.importerId?.length ?? 0) > LIMITS.party) return `importer_id longer than ${LIMITS.party} characters`;
  if ((d.regime?.length ?? 0) > LIMITS.typeCode) return `regime longer than ${LIMITS.typeCode} characters`;
  const times = [d.regTs, d.asmtTs, d.payTs, d.releaseTs, d.rerouteTs, d.cancelTs];
  if (times.some(outOfCentury)) return "a date outside 2000–2099";
  if ([d.valueInitial, d.valueFinal, d.taxesInitial, d.taxesFinal].some(tooManyDigits)) {
    return "an amount of more than 16 digits";
  }
  const texts = [d.declId, d.officeCode, d.brokerId, d.importerId, d.regime, d.exportCountry];
  for (const item of d.items) {
    if ((item.description?.length ?? 0) > LIMITS.description) {
      return `item ${item.itemNo}: description longer than ${LIMITS.description} characters`;
    }
    if ((item.suppUnit?.length ?? 0) > LIMITS.unitCode) {
      return `item ${item.itemNo}: supp_unit longer than ${LIMITS.unitCode} characters`;
    }
    if ([item.netKg, item.grossKg, item.suppQty, item.cifValue, item.taxes].some(tooManyDigits)) {
      return `item ${item.itemNo}: a number of more than 16 digits`;
    }
    texts.push(item.description, item.suppUnit, item.hsCode, item.originCountry);
  }
  if (texts.some((t) => t !== null && NOT_XML.test(t))) return "a control character XML cannot carry";
  return null;
}

function declarationMessage(d: ExportDeclaration, lrn: string): string {
  const items: Node[] = d.items.map((item) => [
    "GovernmentAgencyGoodsItem",
    [
      ...opt("CustomsValueAmount", item.cifValue),
      ["SequenceNumeric", String(item.itemNo)],
      [
        "Commodity",
        [
          // The schema wants some visible text; a blank description is left out.
          ...opt("Description", item.description?.trim() ? item.description : null),
          [
            "Classification",
            [
              ["ID", item.hsCode],
              ["IdentificationTypeCode", "CV"],
            ],
          ],
          [
            "GoodsMeasure",
            [
              ...opt("GrossMassMeasure", item.grossKg, { unitCode: "KGM" }),
              ...opt("NetNetWeightMeasure", item.netKg, { unitCode: "KGM" }),
              ...opt("TariffQuantity", item.suppQty, item.suppUnit ? { unitCode: item.suppUnit } : undefined),
            ],
          ],
        ],
      ],
      [
        "Origin",
        [
          ["CountryCode", item.originCountry],
          ["TypeCode", "1"],
        ],
      ],
    ],
  ]);
  return document("DEC", [
    [
      "Declaration",
      [
        ["FunctionCode", "9"],
        ["FunctionalReferenceID", lrn],
        // The declaration's type: its regime, else just the flow.
        ["TypeCode", d.regime ?? (d.flow === "E" ? "EX" : "IM")],
        ["GoodsItemQuantity", String(d.items.length)],
        ...opt("InvoiceAmount", d.valueInitial),
        ...(d.brokerId ? [["Declarant", [["ID", d.brokerId]]] as Node] : []),
        [
          "GoodsShipment",
          [
            ...(d.exportCountry ? [["ExportCountry", [["ID", d.exportCountry]]] as Node] : []),
            ...items,
            ...(d.importerId ? [["Importer", [["ID", d.importerId]]] as Node] : []),
          ],
        ],
        ["SupervisingOffice", [["ID", d.officeCode]]],
      ],
    ],
  ]);
}

type ResponseParts = {
  functionCode: number;
  at: string;
  lane?: Lane;
  declaration?: Node[];
  acceptedAt?: string;
  cancelledAt?: string;
  // Declaration-level DutyTaxFee/Payment.
  payment?: Node[];
  items?: Node[];
};

const dateTime = (name: string, ts: string): Node => [
  name,
  [["ds:DateTimeString", toWcoDateTime(ts), { formatCode: "304" }]],
];

function notification(d: ExportDeclaration, lrn: string, parts: ResponseParts): string {
  return document("RES", [
    [
      "Response",
      [
        ["FunctionCode", String(parts.functionCode).padStart(2, "0")],
        dateTime("IssueDateTime", parts.at),
        ...(parts.lane
          ? [
              [
                "AdditionalInformation",
                [
                  ["StatementCode", laneStatementCode(parts.lane)],
                  ["StatementTypeCode", LANE_STATEMENT_TYPE],
                ],
              ] as Node,
            ]
          : []),
        [
          "Declaration",
          [
            ...(parts.acceptedAt ? [dateTime("AcceptanceDateTime", parts.acceptedAt)] : []),
            ...(parts.cancelledAt ? [dateTime("CancellationDateTime", parts.cancelledAt)] : []),
            ["FunctionalReferenceID", lrn],
            ["ID", d.declId],
            ...(parts.payment?.length ? [["DutyTaxFee", [["Payment", parts.payment]]] as Node] : []),
            ...(parts.items?.length ? [["GoodsShipment", parts.items] as Node] : []),
          ],
        ],
      ],
    ],
  ]);
}

const later = (a: string, b: string | null) => (b !== null && b > a ? b : a);

// Items' duties and taxes, and (for an assessment) each item's share of the assessed value as its tax base.
function itemLines(d: ExportDeclaration, withBase: boolean): Node[] {
  const bases =
    withBase && d.valueFinal !== null && d.items.length
      ? splitDecimal(
          d.valueFinal,
          d.items.map((i) => i.cifValue),
          2,
        )
      : d.items.map(() => null);
  return d.items.flatMap((item, i) => {
    const base = bases[i] ?? null;
    if (base === null && item.taxes === null) return [];
    return [
      [
        "GovernmentAgencyGoodsItem",
        [
          ["SequenceNumeric", String(item.itemNo)],
          [
            "Commodity",
            [
              [
                "DutyTaxFee",
                [
                  ...opt("AdValoremTaxBaseAmount", base),
                  ...(item.taxes === null
                    ? []
                    : [
                        [
                          "Payment",
                          [
                            ["TaxAssessedAmount", item.taxes],
                            ["PaymentAmount", item.taxes],
                          ],
                        ] as Node,
                      ]),
                ],
              ],
            ],
          ],
        ],
      ] as Node,
    ];
  });
}

export function writeWcoMessages(d: ExportDeclaration, lrn: string): ExportFile[] {
  const files: ExportFile[] = [];
  const add = (tag: string, xml: string) =>
    files.push({ name: `${String(files.length).padStart(2, "0")}_${tag}.xml`, xml });
  const assessed = d.asmtTs !== null;
  add("DEC", declarationMessage(d, lrn));
  // The acceptance: registration time and MRN; the taxes as declared, and the items' taxes while nothing was assessed.
  add(
    "DMSACC",
    notification(d, lrn, {
      functionCode: NOTIFICATION.accepted,
      at: d.regTs,
      acceptedAt: d.regTs,
      payment: opt("TaxAssessedAmount", d.taxesInitial),
      items: assessed ? [] : itemLines(d, false),
    }),
  );
  // The lane chosen at selectivity (none said = green), then the one the declaration was re-routed to. A green
  // declaration re-routed later says first that it was routed to green.
  if (d.laneInitial !== "G" || d.laneFinal !== d.laneInitial) {
    const [tag, functionCode] =
      d.laneInitial === "Y"
        ? ["DMSDOC", NOTIFICATION.documents]
        : d.laneInitial === "G"
          ? ["DMSROG", NOTIFICATION.routed]
          : ["DMSCTL", NOTIFICATION.control];
    add(tag, notification(d, lrn, { functionCode, at: d.regTs, lane: d.laneInitial }));
  }
  if (d.laneFinal !== d.laneInitial) {
    add(
      "DMSROG",
      notification(d, lrn, { functionCode: NOTIFICATION.routed, at: later(d.regTs, d.rerouteTs), lane: d.laneFinal }),
    );
  }
  if (assessed) {
    add(
      "DMSTAX",
      notification(d, lrn, {
        functionCode: NOTIFICATION.taxes,
        at: d.asmtTs!,
        payment: opt("TaxAssessedAmount", d.taxesFinal),
        items: itemLines(d, true),
      }),
    );
  }
  if (d.payTs !== null) {
    add(
      "DMSTAX",
      notification(d, lrn, {
        functionCode: NOTIFICATION.taxes,
        at: d.payTs,
        payment: [["PaymentAmount", d.taxesFinal ?? d.taxesInitial ?? "0"]],
      }),
    );
  }
  if (d.releaseTs !== null)
    add("DMSCLE", notification(d, lrn, { functionCode: NOTIFICATION.cleared, at: d.releaseTs }));
  if (d.status === "cancelled") {
    const at = d.cancelTs ?? [d.releaseTs, d.payTs, d.asmtTs].reduce<string>((a, b) => later(a, b), d.regTs);
    add("DMSRES", notification(d, lrn, { functionCode: NOTIFICATION.response, at, cancelledAt: at }));
  }
  return files;
}
