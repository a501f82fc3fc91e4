// The score a contract's terms would have given over the reference period, before anyone signs: each party's
// scorecard by buildScorecard, the function an evaluation runs on the same stored cells, and for a template applied
// to a unit the distribution of everyone's scores. Pure, so the form recomputes it as the manager edits a term.
import { buildScorecard, type KpiValue, type OeValue, type TermsRow } from "@/lib/contracts/build-scorecard";
import { quartiles, type Bin } from "@/lib/dashboard/distribution";

// oe: the subject's observed/expected over the same period, for the indicators scored on it.
export type PreviewSubject = {
  id: string;
  label: string;
  values: Record<string, KpiValue>;
  oe?: Record<string, OeValue>;
};

export type ScorePreview = {
  scores: { id: string; label: string; overall: number | null; notEvaluable: string[] }[];
  // Over the subjects with a score.
  distribution: { q1: number; median: number; q3: number } | null;
  histogram: Bin[];
  // Per KPI, how many subjects it could not be evaluated for (no value or below its minimum volume).
  notEvaluable: Record<string, number>;
};

export function previewScores(terms: TermsRow[], subjects: PreviewSubject[]): ScorePreview {
  const scores = subjects.map((s) => {
    const card = buildScorecard(terms, new Map(Object.entries(s.values)), new Map(Object.entries(s.oe ?? {})));
    return {
      id: s.id,
      label: s.label,
      overall: card.overall,
      notEvaluable: card.indicators.filter((i) => i.status === "not_evaluable").map((i) => i.kpiId),
    };
  });
  const overall = scores.flatMap((s) => (s.overall === null ? [] : [s.overall]));
  const notEvaluable = Object.fromEntries(
    terms.map((t) => [t.kpiId, scores.filter((s) => s.notEvaluable.includes(t.kpiId)).length]),
  );
  return { scores, distribution: quartiles(overall), histogram: scoreBins(overall), notEvaluable };
}

// Ten bins of ten points over 0..100 (100 in the last), so two previews read alike whatever their spread.
export function scoreBins(scores: readonly number[]): Bin[] {
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: (i + 1) * 10, count: 0 }));
  for (const s of scores) bins[Math.min(9, Math.max(0, Math.floor(s / 10)))]!.count++;
  return bins;
}
