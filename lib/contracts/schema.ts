// The contract a manager drafts, checked the same way in the form and in the server action. Messages are i18n keys
// of the "contracts.errors" namespace, with their values in the issue's params.
import { z } from "zod";
import { KPI_CATALOGUE, type KpiId } from "@/lib/kpis/catalogue";
import { isStandardised } from "@/lib/kpis/standardised-kpis";
import { SCORING_BASES } from "@/lib/contracts/scoring";

// P13 (throughput) is "context only" in docs/indicators.md: shown beside a contract, never scored.
export const CONTRACT_KPIS = KPI_CATALOGUE.filter((k) => k.direction !== "context");
const CONTRACT_KPI_IDS = CONTRACT_KPIS.map((k) => k.id) as [KpiId, ...KpiId[]];

export const MAX_INDICATORS = 12;
export const DEFAULT_MIN_VOLUME = 30;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const IndicatorInput = z.object({
  kpiId: z.enum(CONTRACT_KPI_IDS, { message: "unknownKpi" }),
  // Raw value (today's contracts) or observed/expected; threshold and target are then O/E ratios.
  basis: z.enum(SCORING_BASES, { message: "basisUnknown" }).default("RAW"),
  threshold: z.number({ message: "number" }).finite(),
  target: z.number({ message: "number" }).finite(),
  weight: z.number({ message: "number" }).gt(0, { message: "weightPositive" }).max(100, { message: "weightMax" }),
  minVolume: z.number().int().min(1, { message: "minVolume" }).default(DEFAULT_MIN_VOLUME),
});

export const ContractInput = z
  .object({
    title: z.string().trim().min(3, { message: "titleShort" }).max(200, { message: "titleLong" }),
    partyType: z.enum(["OFFICER", "UNIT", "OFFICE"]),
    partyOfficerId: z.string().min(1).nullable().default(null),
    officeCode: z.string().min(1, { message: "officeRequired" }),
    partyUnit: z.string().min(1).nullable().default(null),
    periodFrom: z.string().regex(DAY, { message: "date" }),
    periodTo: z.string().regex(DAY, { message: "date" }),
    templateKey: z.string().nullable().default(null),
    // Who signs for the administration: the creating manager when null, or another manager or administrator.
    principalId: z.string().min(1).nullable().default(null),
    indicators: z
      .array(IndicatorInput)
      .min(1, { message: "indicatorsMin" })
      .max(MAX_INDICATORS, { message: "indicatorsMax" }),
  })
  .superRefine((c, ctx) => {
    if (c.partyType === "OFFICER" && !c.partyOfficerId)
      ctx.addIssue({ code: "custom", path: ["partyOfficerId"], message: "officerRequired" });
    if (c.partyType === "UNIT" && !c.partyUnit)
      ctx.addIssue({ code: "custom", path: ["partyUnit"], message: "unitRequired" });
    if (c.periodFrom > c.periodTo || Number.isNaN(Date.parse(c.periodFrom)) || Number.isNaN(Date.parse(c.periodTo))) {
      ctx.addIssue({ code: "custom", path: ["periodTo"], message: "periodOrder" });
    }
    const seen = new Set<string>();
    c.indicators.forEach((ind, i) => {
      refineBasis(ind, c.partyType, (path, message) =>
        ctx.addIssue({ code: "custom", path: ["indicators", i, path], message }),
      );
      if (seen.has(ind.kpiId))
        ctx.addIssue({ code: "custom", path: ["indicators", i, "kpiId"], message: "duplicateKpi" });
      seen.add(ind.kpiId);
      const direction = KPI_CATALOGUE.find((k) => k.id === ind.kpiId)?.direction;
      const targetBetter = direction === "lower" ? ind.target < ind.threshold : ind.target > ind.threshold;
      if (!targetBetter) {
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "target"],
          message: direction === "lower" ? "targetBelowThreshold" : "targetAboveThreshold",
        });
      }
    });
    const total = c.indicators.reduce((s, i) => s + i.weight, 0);
    if (Math.abs(total - 100) > 1e-6) {
      ctx.addIssue({ code: "custom", path: ["indicators"], message: "weightsSum", params: { total } });
    }
  });

export type ContractInput = z.infer<typeof ContractInput>;

// O/E exists for an officer's standardised rates only (lib/kpis/standardised-kpis.ts): a unit or an office has no
// case mix of its own to be compared with. An O/E ratio is a count over a count, never negative.
function refineBasis(
  ind: { kpiId: string; basis: string; threshold: number; target: number },
  partyType: string,
  issue: (path: string, message: string) => void,
) {
  if (ind.basis !== "OE") return;
  if (!isStandardised(ind.kpiId)) issue("basis", "basisNotStandardised");
  else if (partyType !== "OFFICER") issue("basis", "basisOfficerOnly");
  if (ind.threshold < 0) issue("threshold", "ratioNegative");
  if (ind.target < 0) issue("target", "ratioNegative");
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const Id = z.coerce.number({ message: "notFound" }).int().positive({ message: "notFound" });
const text = (min: number, max: number, tooShort: string) =>
  z.string().trim().min(min, { message: tooShort }).max(max, { message: "textLong" });

// "Apply a template to a unit": one draft per officer of the unit, all with the same title and period.
export const UnitTemplateInput = z
  .object({
    templateKey: z.string().min(1, { message: "templateRequired" }),
    officeCode: z.string().min(1, { message: "officeRequired" }),
    unit: z.string().min(1, { message: "unitRequired" }),
    title: z.string().trim().min(3, { message: "titleShort" }).max(200, { message: "titleLong" }),
    periodFrom: z.string().regex(DAY, { message: "date" }),
    periodTo: z.string().regex(DAY, { message: "date" }),
    principalId: z.string().min(1).nullable().default(null),
    // The template's indicators as calibrated for this unit in the form; the template's own when absent. Each
    // officer's draft is then checked as any contract (ContractInput).
    indicators: z.array(IndicatorInput).min(1).max(MAX_INDICATORS).nullable().default(null),
  })
  .superRefine((c, ctx) => {
    if (c.periodFrom > c.periodTo) ctx.addIssue({ code: "custom", path: ["periodTo"], message: "periodOrder" });
  });
export type UnitTemplateInput = z.infer<typeof UnitTemplateInput>;

export const ContractIdInput = z.object({ contractId: Id });

export const CloseInput = z.object({
  contractId: Id,
  note: z.string().trim().max(2000, { message: "textLong" }).default(""),
});
export type CloseInput = z.infer<typeof CloseInput>;

export const AmendInput = z.object({ contractId: Id, reason: text(5, 2000, "reasonShort") });
export type AmendInput = z.infer<typeof AmendInput>;

export const ReviewInput = z.object({
  contractId: Id,
  month: z.string().regex(MONTH, { message: "month" }),
  note: text(3, 4000, "noteShort"),
  agreedActions: z.string().trim().max(4000, { message: "textLong" }).default(""),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

export const EVALUATION_DECISIONS = ["REWARD", "NO_ACTION", "WARNING", "SANCTION"] as const;

export const EvaluationInput = z.object({
  contractId: Id,
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, { message: "quarter" }),
  decision: z.enum(EVALUATION_DECISIONS, { message: "decisionRequired" }),
  comments: text(3, 4000, "commentsShort"),
});
export type EvaluationInput = z.infer<typeof EvaluationInput>;

export const AppealInput = z.object({ evaluationId: Id, reason: text(10, 4000, "reasonShort") });
export type AppealInput = z.infer<typeof AppealInput>;

export const AppealDecisionInput = z.object({
  evaluationId: Id,
  outcome: z.enum(["UPHELD", "OVERTURNED"], { message: "outcomeRequired" }),
  comments: text(3, 4000, "commentsShort"),
});
export type AppealDecisionInput = z.infer<typeof AppealDecisionInput>;
