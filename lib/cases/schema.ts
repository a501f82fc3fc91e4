// Case operations as forms, routes and the inbox post them, checked at the boundary. Messages are i18n keys of the
// "cases.errors" namespace.
import { z } from "zod";
import { parseTypedNumber } from "@/lib/contracts/typed-number";
import { splitDeclIds } from "@/lib/disputes/schema";
import { AMOUNT_ACTIONS, CASE_ACTION_TYPES, CASE_FINDINGS, CASE_STATUSES, OFFENCE_CODES } from "@/lib/cases/case-rules";

export const MAX_FLAGS_PER_OPENING = 100;
export const MAX_CONFIRMED_DECLARATIONS = 5000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DECL_ID = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

const Id = z.coerce.number({ message: "notFound" }).int({ message: "notFound" }).positive({ message: "notFound" });
const text = (min: number, max: number, tooShort: string) =>
  z.string({ message: tooShort }).trim().min(min, { message: tooShort }).max(max, { message: "textLong" });
// "2025-02-30" matches the pattern but is no day.
function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

// An empty form field is no value.
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const OpenCaseInput = z.object({
  flagIds: z
    .preprocess(
      (v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : typeof v === "number" ? [v] : v),
      z
        .array(Id, { message: "noFlags" })
        .min(1, { message: "noFlags" })
        .max(MAX_FLAGS_PER_OPENING, { message: "tooManyFlags" }),
    )
    .transform((ids) => [...new Set(ids)]),
  title: z.preprocess(blankToUndefined, text(3, 200, "titleShort").optional()),
  caseId: z.preprocess(blankToUndefined, Id.optional()),
});
export type OpenCaseInput = z.infer<typeof OpenCaseInput>;

export const AssignCaseInput = z.object({
  caseId: Id,
  assigneeId: z
    .string({ message: "assigneeRequired" })
    .trim()
    .min(1, { message: "assigneeRequired" })
    .max(64, { message: "assigneeRequired" }),
  dueDate: z
    .string({ message: "dueDate" })
    .regex(DAY, { message: "dueDate" })
    .refine(isCalendarDay, { message: "dueDate" }),
});

export const CaseNoteInput = z.object({ caseId: Id, body: text(3, 10_000, "noteShort") });

const DeclIds = z.preprocess(
  (v) => (typeof v === "string" ? splitDeclIds(v) : (v ?? [])),
  z
    .array(z.string())
    .max(MAX_CONFIRMED_DECLARATIONS, { message: "tooManyDeclarations" })
    .superRefine((ids, ctx) => {
      const bad = ids.find((id) => !DECL_ID.test(id));
      if (bad !== undefined)
        ctx.addIssue({ code: "custom", message: "declIdFormat", params: { declId: bad.slice(0, 70) } });
    }),
);

export const FindingInput = z
  .object({
    caseId: Id,
    finding: z.enum(CASE_FINDINGS, { message: "findingRequired" }),
    summary: text(10, 8000, "summaryShort"),
    offenceCode: z.preprocess(blankToUndefined, z.enum(OFFENCE_CODES, { message: "offenceCode" }).optional()),
    // Empty = every declaration of the evidence is confirmed.
    confirmedDeclIds: DeclIds.default([]),
    // Flags of the case the finding does not uphold (each is then unfounded, the others founded); empty = none.
    unfoundedFlagIds: z
      .preprocess(
        (v) =>
          typeof v === "string"
            ? v.split(/[\s,;]+/).filter(Boolean)
            : Array.isArray(v)
              ? v.flatMap((x) =>
                  String(x)
                    .split(/[\s,;]+/)
                    .filter(Boolean),
                )
              : v,
        z.array(z.coerce.number({ message: "flagNotInCase" }).int({ message: "flagNotInCase" }).positive()),
      )
      .transform((ids) => [...new Set(ids)].sort((a, b) => a - b))
      .default([]),
  })
  .superRefine((f, ctx) => {
    if (f.finding === "CONFIRMED" && f.offenceCode === undefined)
      ctx.addIssue({ code: "custom", path: ["offenceCode"], message: "offenceRequired" });
  })
  // Only a confirmed finding names an offence and confirmed declarations.
  .transform((f) => ({
    ...f,
    offenceCode: f.finding === "CONFIRMED" ? f.offenceCode! : null,
    confirmedDeclIds: f.finding === "CONFIRMED" ? f.confirmedDeclIds : [],
    unfoundedFlagIds: f.finding === "CONFIRMED" ? f.unfoundedFlagIds : [],
  }));

const OptionalAmount = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? null : typeof v === "string" ? parseTypedNumber(v) : v),
  z.number({ message: "amount" }).finite({ message: "amount" }).nullable(),
);

export const CaseActionInput = z
  .object({
    caseId: Id,
    type: z.enum(CASE_ACTION_TYPES, { message: "actionTypeRequired" }),
    amount: OptionalAmount.default(null),
    declId: z.preprocess(blankToUndefined, z.string().trim().regex(DECL_ID, { message: "declIdFormat" }).optional()),
    note: z.preprocess(blankToUndefined, text(1, 4000, "noteShort").optional()),
  })
  .superRefine((a, ctx) => {
    const needsAmount = AMOUNT_ACTIONS.includes(a.type);
    if (needsAmount && (a.amount === null || a.amount <= 0))
      ctx.addIssue({ code: "custom", path: ["amount"], message: "amountPositive" });
    if (needsAmount && a.amount !== null && Math.round(a.amount * 100) / 100 !== a.amount) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "amountCents" });
    }
  })
  .transform((a) => ({
    ...a,
    amount: AMOUNT_ACTIONS.includes(a.type) ? a.amount : null,
    declId: a.type === "TAX_ADJUSTMENT" ? (a.declId ?? null) : null,
    note: a.note ?? null,
  }));

export const CloseCaseInput = z.object({ caseId: Id, note: text(3, 4000, "closingNoteShort") });
export const ReopenCaseInput = z.object({ caseId: Id, reason: text(10, 4000, "reopenReasonShort") });

// The case list's filters, from the query string; anything unknown is ignored rather than refused.
export const CaseListFilters = z.object({
  status: z.preprocess(
    (v) => (typeof v === "string" && (CASE_STATUSES as readonly string[]).includes(v) ? v : ""),
    z.string(),
  ),
  overdue: z.preprocess((v) => (v === "1" ? "1" : ""), z.string()),
  assignee: z.preprocess((v) => (typeof v === "string" && /^[\w-]{1,64}$/.test(v) ? v : ""), z.string()),
  page: z.preprocess((v) => {
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? n : 1;
  }, z.number()),
});
export type CaseListFilters = z.infer<typeof CaseListFilters>;
