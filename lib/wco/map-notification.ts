// A RES notification (one Response) mapped to what it says about its declaration (docs/data-format.md, "WCO Data
// Model messages"). Pure, like map-declaration.ts.
import { childNamed, childrenNamed, elementPath, nodeAt, textAt, type XmlNode } from "@/lib/wco/xml-tree";
import type { MappingProblem, MappingResult } from "@/lib/wco/map-declaration";
import { decimalText, sumDecimals, wcoDateTime } from "@/lib/wco/wco-values";

export const NOTIFICATION = {
  accepted: 1,
  received: 2,
  rejected: 3,
  control: 5,
  documents: 6,
  response: 7,
  routed: 8,
  cleared: 9,
  request: 11,
  taxes: 13,
} as const;

export type Lane = "G" | "B" | "Y" | "R";

// The lane a control notification raises the declaration to when it does not name one itself: documents requested
// is a documentary check (yellow); goods selected for control and goods routed to a control are physical (red).
const DEFAULT_LANES: Record<number, Lane> = {
  [NOTIFICATION.control]: "R",
  [NOTIFICATION.documents]: "Y",
  [NOTIFICATION.routed]: "R",
};

// The portal's own statement naming the lane, written by the WCO export: AdditionalInformation with this
// StatementTypeCode and the StatementCode LANE_G, LANE_B, LANE_Y or LANE_R.
export const LANE_STATEMENT_TYPE = "PMC";
export const laneStatementCode = (lane: Lane) => `LANE_${lane}`;

export type MappedNotificationItem = { seq: number; base: string | null; taxes: string | null };

export type MappedNotification = {
  functionCode: number;
  issuedAt: string;
  lrn: string | null;
  mrn: string | null;
  cancelledAt: string | null;
  // Control notifications only.
  lane: Lane | null;
  // Declaration-level DutyTaxFee: total assessed, total paid.
  taxAssessed: string | null;
  taxPaid: string | null;
  items: MappedNotificationItem[];
};

const MONEY_SCALE = 2;

const fail = (node: XmlNode, reason: string, below?: string) => ({
  ok: false as const,
  problem: { node, path: elementPath(node) + (below ? `/${below}` : ""), reason } satisfies MappingProblem,
});

function dateTimeAt(node: XmlNode | null): { value: string | null; bad: XmlNode | null } {
  const text = nodeAt(node, "DateTimeString");
  if (!text || !text.text.trim()) return { value: null, bad: null };
  const value = wcoDateTime(text.text, text.attributes.formatCode);
  return value ? { value, bad: null } : { value: null, bad: text };
}

export function mapNotification(response: XmlNode): MappingResult<MappedNotification> {
  const functionCode = Number(textAt(response, "FunctionCode"));
  if (!Number.isInteger(functionCode)) return fail(response, "no FunctionCode", "FunctionCode");
  const issued = dateTimeAt(childNamed(response, "IssueDateTime"));
  if (issued.bad) return fail(issued.bad, `not a date-time in format 304 or 102: "${issued.bad.text.trim()}"`);
  if (!issued.value) return fail(response, "no IssueDateTime: when the event happened is required", "IssueDateTime");
  const declaration = childNamed(response, "Declaration");
  const lrn = textAt(declaration, "FunctionalReferenceID");
  const mrn = textAt(declaration, "ID");
  if (!lrn && !mrn) {
    return fail(declaration ?? response, "neither an LRN nor an MRN: no declaration it concerns", "ID");
  }
  const cancelled = dateTimeAt(childNamed(declaration, "CancellationDateTime"));
  if (cancelled.bad) return fail(cancelled.bad, `not a date-time: "${cancelled.bad.text.trim()}"`);

  let lane: Lane | null = DEFAULT_LANES[functionCode] ?? null;
  if (lane) {
    for (const info of childrenNamed(response, "AdditionalInformation")) {
      if (textAt(info, "StatementTypeCode") !== LANE_STATEMENT_TYPE) continue;
      const code = /^LANE_([GBYR])$/.exec(textAt(info, "StatementCode") ?? "");
      if (!code) return fail(info, `not a lane statement: "${textAt(info, "StatementCode") ?? ""}"`, "StatementCode");
      lane = code[1] as Lane;
    }
  }

  const amounts: Record<"assessed" | "paid", (string | null)[]> = { assessed: [], paid: [] };
  for (const fee of childrenNamed(declaration, "DutyTaxFee")) {
    for (const [key, element] of [
      ["assessed", "TaxAssessedAmount"],
      ["paid", "PaymentAmount"],
    ] as const) {
      const node = nodeAt(fee, `Payment/${element}`);
      if (!node) continue;
      const value = decimalText(node.text, MONEY_SCALE);
      if (value === null) return fail(node, `not an amount: "${node.text.trim()}"`);
      amounts[key].push(value);
    }
  }

  const items: MappedNotificationItem[] = [];
  for (const item of childrenNamed(childNamed(declaration, "GoodsShipment"), "GovernmentAgencyGoodsItem")) {
    const seq = Number(textAt(item, "SequenceNumeric"));
    if (!Number.isInteger(seq) || seq < 1) return fail(item, "not a goods item number ≥ 1", "SequenceNumeric");
    const fees = childrenNamed(childNamed(item, "Commodity"), "DutyTaxFee");
    const taxes: (string | null)[] = [];
    let base: string | null = null;
    for (const [i, fee] of fees.entries()) {
      const baseNode = childNamed(fee, "AdValoremTaxBaseAmount");
      if (i === 0 && baseNode) {
        base = decimalText(baseNode.text, MONEY_SCALE);
        if (base === null) return fail(baseNode, `not an amount: "${baseNode.text.trim()}"`);
      }
      // What is to be paid for the duty or tax, else what was assessed.
      const paid = nodeAt(fee, "Payment/PaymentAmount") ?? nodeAt(fee, "Payment/TaxAssessedAmount");
      if (!paid) continue;
      const value = decimalText(paid.text, MONEY_SCALE);
      if (value === null) return fail(paid, `not an amount: "${paid.text.trim()}"`);
      taxes.push(value);
    }
    items.push({ seq, base, taxes: sumDecimals(taxes, MONEY_SCALE) });
  }

  return {
    ok: true,
    value: {
      functionCode,
      issuedAt: issued.value,
      lrn,
      mrn,
      cancelledAt: cancelled.value,
      lane,
      taxAssessed: sumDecimals(amounts.assessed, MONEY_SCALE),
      taxPaid: sumDecimals(amounts.paid, MONEY_SCALE),
      items,
    },
  };
}
