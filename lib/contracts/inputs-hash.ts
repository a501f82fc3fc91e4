// The fingerprint of an evaluation: sha256 of the canonical JSON of everything the scorecard was computed from
// (the contract version's terms, each KPI's value, numerator and denominator, the period). Anyone holding the
// snapshot can recompute it, so a frozen evaluation can be shown to be unchanged. An indicator scored on
// observed/expected adds its basis to the terms and the O/E counts to its KPI; a raw one adds nothing, so the
// inputs of a raw contract read (and hash) as they did before the choice existed.
import { createHash } from "node:crypto";
import type { Direction, ScoringBasis } from "@/lib/contracts/scoring";
import type { KpiSubject } from "@/lib/contracts/kpi-subject";
import type { Period } from "@/lib/kernel/calendar";

export type EvaluationInputs = {
  contract: {
    id: number;
    contractNo: number;
    version: number;
    partyType: string;
    subject: KpiSubject;
    periodFrom: string;
    periodTo: string;
    indicators: {
      kpiId: string;
      direction: Direction;
      basis?: ScoringBasis;
      threshold: number;
      target: number;
      weight: number;
      minVolume: number;
    }[];
  };
  period: Period;
  kpis: {
    kpiId: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    // The officer's observed and expected counts and his n in the KPI's population, for an O/E indicator.
    oe?: { observed: number; expected: number; n: number } | null;
  }[];
};

// JSON with object keys sorted at every level and no whitespace: the same inputs always give the same text.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("Non-finite number in hashed inputs");
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function inputsHash(inputs: EvaluationInputs): string {
  return createHash("sha256").update(canonicalJson(inputs)).digest("hex");
}
