// A dispute as the officer files it and the manager's answer, checked at the boundary (forms and services). Messages
// are i18n keys of the "disputes.errors" namespace, with their values in the issue's params.
import { z } from "zod";
import { KPI_IDS, type KpiId } from "@/lib/kpis/catalogue";
import { parseTypedNumber } from "@/lib/contracts/typed-number";
import { DISPUTE_OUTCOMES } from "@/lib/disputes/dispute-rules";

export const MAX_DECLARATIONS = 50;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
// Declaration ids of the canonical format are short codes (docs/data-format.md); anything else is a typo.
const DECL_ID = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

const Id = z.coerce.number({ message: "notFound" }).int().positive({ message: "notFound" });
const text = (min: number, max: number, tooShort: string) =>
  z.string({ message: tooShort }).trim().min(min, { message: tooShort }).max(max, { message: "textLong" });

// "D1, D2 D3;D4" → ["D1", "D2", "D3", "D4"], each once, in the order typed.
export function splitDeclIds(raw: string): string[] {
  return [...new Set(raw.split(/[\s,;]+/).filter(Boolean))];
}

const DeclIds = z.preprocess(
  (v) => (typeof v === "string" ? splitDeclIds(v) : (v ?? [])),
  z
    .array(z.string())
    .max(MAX_DECLARATIONS, { message: "tooManyDeclarations" })
    .superRefine((ids, ctx) => {
      const bad = ids.find((id) => !DECL_ID.test(id));
      if (bad !== undefined)
        ctx.addIssue({ code: "custom", message: "declIdFormat", params: { declId: bad.slice(0, 70) } });
    }),
);

export const DisputeInput = z.object({
  contractId: Id,
  kpiId: z.enum(KPI_IDS as [KpiId, ...KpiId[]], { message: "unknownKpi" }),
  month: z.string({ message: "month" }).regex(MONTH, { message: "month" }),
  reason: text(10, 4000, "reasonShort"),
  declIds: DeclIds.default([]),
});
export type DisputeInput = z.infer<typeof DisputeInput>;

// An empty field is no value; a decimal comma is accepted (French users type "0,72").
const OptionalNumber = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? null : typeof v === "string" ? parseTypedNumber(v) : v),
  z.number({ message: "number" }).finite({ message: "number" }).nullable(),
);

// The corrected value is in the KPI's stored unit (a share as a fraction); the form converts what was typed.
export const DisputeAnswerInput = z
  .object({
    disputeId: Id,
    outcome: z.enum(DISPUTE_OUTCOMES, { message: "outcomeRequired" }),
    answer: text(3, 4000, "answerShort"),
    correctedValue: OptionalNumber.default(null),
  })
  .superRefine((a, ctx) => {
    if (a.outcome === "ACCEPTED_CORRECTED" && a.correctedValue === null) {
      ctx.addIssue({ code: "custom", path: ["correctedValue"], message: "correctionRequired" });
    }
  })
  // Only a correction keeps a value: an annotation or a rejection never changes what is shown.
  .transform((a) => ({ ...a, correctedValue: a.outcome === "ACCEPTED_CORRECTED" ? a.correctedValue : null }));
export type DisputeAnswerInput = z.infer<typeof DisputeAnswerInput>;
