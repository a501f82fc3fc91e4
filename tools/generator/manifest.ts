// manifest.json: what was generated and, above all, what was planted, in a form a test or a demo script can check
// against the portal's flags (method and KPI ids as in docs/indicators.md "Flags" and "Mirror analysis").
import type { UndervaluedItem } from "./declaration-simulator";
import type { DatasetFile } from "./dataset-layout";
import type { MirrorGap } from "./mirror-exports";
import { PLANT } from "./planted-plan";
import type { Officer, Population } from "./population";

export type DetectionMethod =
  "RATE_OUTLIER" | "VALUE_OUTLIER" | "BROKER_OFFICER_PAIR" | "BENFORD" | "UNIT_VALUE" | "MIRROR" | "GAMING";

export type Detection = {
  method: DetectionMethod;
  /** KPI the method is run on (null for methods that have none). */
  kpiId: string | null;
  subjectType: "officer" | "broker" | "declaration" | "mirror_flow";
  /** "every-period": the whole period and each calendar quarter in it; "when-enough-volume": see condition. */
  reliability: "every-period" | "when-enough-volume";
  condition?: string;
};

export type PlantedPattern = {
  id: string;
  type: string;
  description: string;
  period: { from: string; to: string };
  subjects: Record<string, string | number | boolean>[];
  /** KPIs whose values show the pattern (I10, for one, is reported but not flagged by docs/indicators.md). */
  kpis: string[];
  detection: Detection[];
  parameters: Record<string, number | string>;
};

export type Manifest = {
  format: "pmc-synthetic-clearance-data";
  version: 1;
  options: { declarations: number; seed: number; from: string; to: string };
  /** Facts after this instant are not in the data (as in a real extract taken then). */
  extractedAt: string;
  rowCounts: Record<DatasetFile, number>;
  population: { offices: number; officers: number; brokers: number; importers: number; rules: Record<string, string> };
  /** Volumes at which the "every-period" detections are designed to hold. */
  reliableFromDeclarationsPerYear: number;
  patterns: PlantedPattern[];
};

type ManifestInput = {
  options: Manifest["options"];
  extractedAt: string;
  rowCounts: Record<DatasetFile, number>;
  population: Population;
  undervaluedItems: readonly UndervaluedItem[];
  mirrorGaps: readonly MirrorGap[];
};

const officerSubject = (o: Officer) => ({ officerId: o.id, officeCode: o.officeCode, fullName: o.fullName });
const everyPeriod = (
  method: DetectionMethod,
  kpiId: string | null,
  subjectType: Detection["subjectType"],
): Detection => ({
  method,
  kpiId,
  subjectType,
  reliability: "every-period",
});

export function buildManifest(input: ManifestInput): Manifest {
  const { population, options } = input;
  const period = { from: options.from, to: options.to };
  const withRole = (role: Parameters<Officer["roles"]["has"]>[0]) =>
    population.officers.filter((o) => o.roles.has(role));
  const redN30 =
    "periods in which the officer has at least 30 declarations with lane_initial R (RATE_OUTLIER needs n ≥ 30): every quarter from about 200,000 declarations a year, the whole year at 20,000";

  const patterns: PlantedPattern[] = [
    ...withRole("downgrader").map((o, i) => ({
      id: `lane-downgrader-${i + 1}`,
      type: "LANE_DOWNGRADER",
      description: `${o.fullName} (${o.id}) re-routes ${Math.round(o.downgradeRate * 100)} % of yellow and red declarations to green or blue, red ones without any physical examination. Honest officers only ever upgrade lanes.`,
      period,
      subjects: [officerSubject(o)],
      detection: [
        everyPeriod("RATE_OUTLIER", "I1", "officer"),
        {
          method: "RATE_OUTLIER",
          kpiId: "I2",
          subjectType: "officer",
          reliability: "when-enough-volume",
          condition: redN30,
        } as Detection,
      ],
      kpis: ["I1", "I2"],
      parameters: { downgradeRate: o.downgradeRate, workload: o.workload },
    })),
    ...population.pairs.map(({ broker, officer }, i) => ({
      id: `collusive-pair-${i + 1}`,
      type: "COLLUSIVE_BROKER_OFFICER_PAIR",
      description: `Broker ${broker.id} gets ${Math.round(PLANT.pairManualShare * 100)} % of its declarations at ${officer.officeCode} assigned by hand to ${officer.fullName} (${officer.id}), instead of by the workload-based automatic assignment.`,
      period,
      subjects: [{ brokerId: broker.id, officerId: officer.id, officeCode: officer.officeCode }],
      detection: [everyPeriod("BROKER_OFFICER_PAIR", null, "broker"), everyPeriod("RATE_OUTLIER", "I7", "officer")],
      kpis: ["I7"],
      parameters: { brokerShareOfOffice: PLANT.pairBrokerShare, manualShare: PLANT.pairManualShare },
    })),
    ...withRole("gaming").map((o) => ({
      id: "gaming-officer",
      type: "CONTRACT_GAMING",
      description: `${o.fullName} (${o.id}) is under a contract that rewards same-day assessment from ${PLANT.gamingOfficer.from}; from that day he cancels every declaration he would not assess on its registration day, ${PLANT.gamingOfficer.cancelAfterMinutes} minutes of office time after it reached him, so his same-day rate (P1) rises while his amendment-or-cancellation rate (I12) rises too.`,
      period: { from: PLANT.gamingOfficer.from, to: options.to },
      subjects: [officerSubject(o)],
      detection: [
        {
          method: "GAMING" as const,
          kpiId: "P1",
          subjectType: "officer" as const,
          reliability: "when-enough-volume" as const,
          condition: `a contract rewarding P1 from ${PLANT.gamingOfficer.from}: the watch compares I12 before and after its start`,
        },
        {
          method: "RATE_OUTLIER" as const,
          kpiId: "I12",
          subjectType: "officer" as const,
          reliability: "when-enough-volume" as const,
          condition: "periods after the start, when the cancellations push I12 far enough above the office's",
        },
      ],
      kpis: ["P1", "P2", "I12"],
      parameters: { from: PLANT.gamingOfficer.from, cancelAfterMinutes: PLANT.gamingOfficer.cancelAfterMinutes },
    })),
    ...withRole("slow").map((o) => ({
      id: "slow-officer",
      type: "SLOW_OFFICER",
      description: `${o.fullName} (${o.id}) takes ${PLANT.slowOfficer.factor} times as long as colleagues over every step, so the median assessment time (P4) is several times the office's.`,
      period,
      subjects: [officerSubject(o)],
      detection: [everyPeriod("VALUE_OUTLIER", "P4", "officer")],
      kpis: ["P4", "P4_90", "P1", "P2"],
      parameters: { delayFactor: PLANT.slowOfficer.factor },
    })),
    {
      id: "fabricated-values-broker",
      type: "FABRICATED_VALUES",
      description: `National broker ${population.benfordBroker.id} handles ${Math.round(PLANT.benfordBroker.share * 100)} % of every office's declarations; ${Math.round(PLANT.benfordBroker.fabricatedShare * 100)} % of its declared values are invented and start with 5–9, so its first digits do not follow Benford's law. Every other broker's values do, closely.`,
      period,
      subjects: [{ brokerId: population.benfordBroker.id }],
      detection: [everyPeriod("BENFORD", null, "broker")],
      kpis: [],
      parameters: {
        fabricatedShare: PLANT.benfordBroker.fabricatedShare,
        shareOfDeclarations: PLANT.benfordBroker.share,
      },
    },
    {
      id: "undervalued-items",
      type: "UNDERVALUED_ITEMS",
      description: `About one item line in ${Math.round(1 / PLANT.undervalued.share)} of ${PLANT.undervalued.combos.map((c) => `${c.hs6} from ${c.origin}`).join(", ")} is declared at a tenth of the usual unit value. Honest unit values stay within a factor of 2 of their reference.`,
      period,
      subjects: input.undervaluedItems.map((item) => ({ ...item })),
      detection: [everyPeriod("UNIT_VALUE", null, "declaration")],
      kpis: ["I10"],
      parameters: { unitValueFactor: PLANT.undervalued.factor, shareOfGroupLines: PLANT.undervalued.share },
    },
    ...withRole("offHours").map((o) => ({
      id: "off-hours-officer",
      type: "OFF_HOURS_OFFICER",
      description: `${o.fullName} (${o.id}) signs ${Math.round(o.offHoursReleaseShare * 100)} % of releases in the evening after closing time or on closed days (weekends, holidays).`,
      period,
      subjects: [officerSubject(o)],
      detection: [everyPeriod("RATE_OUTLIER", "I8", "officer")],
      kpis: ["I8"],
      parameters: { offHoursReleaseShare: o.offHoursReleaseShare },
    })),
    {
      id: "mirror-gaps",
      type: "MIRROR_GAP",
      description: `For each year, partners report exports of ${PLANT.mirrorGaps.factorMin}–${PLANT.mirrorGaps.factorMax} times the declared imports (FOB) for a few of the largest partner × hs6 flows; all other flows agree within 10 %.`,
      period,
      subjects: input.mirrorGaps.map((g) => ({
        partnerCountry: g.partner,
        hs6: g.hs6,
        year: g.year,
        declaredFobUsd: g.declaredFobUsd,
        reportedFobUsd: g.reportedFobUsd,
        relativeGap: g.relativeGap,
      })),
      detection: [
        {
          ...everyPeriod("MIRROR", null, "mirror_flow"),
          condition: "pmc mirror --year YYYY: X ≥ 100,000 USD and rel_gap > 0.25",
        },
      ],
      kpis: [],
      parameters: { minimumReportedFobUsd: PLANT.mirrorGaps.minFobUsd },
    },
    ...withRole("fastRed").map((o) => ({
      id: "fast-red-assessor",
      type: "FAST_RED_ASSESSOR",
      description: `${o.fullName} (${o.id}) records a token exam and assesses ${Math.round(o.fastRedShare * 100)} % of red-lane declarations within the hour (finding nothing); auto-assignment by workload sends him ${o.redWeight} times the usual share of red files.`,
      period,
      subjects: [officerSubject(o)],
      detection: [
        everyPeriod("RATE_OUTLIER", "I9", "officer"),
        {
          method: "RATE_OUTLIER",
          kpiId: "P11",
          subjectType: "officer",
          reliability: "when-enough-volume",
          condition:
            "low hit rate (z ≤ −3) once the officer has about 150 exams in the period: every quarter from about 200,000 declarations a year",
        } as Detection,
      ],
      kpis: ["I9", "P11"],
      parameters: { fastShare: o.fastRedShare, redAssignmentWeight: o.redWeight },
    })),
  ];

  return {
    format: "pmc-synthetic-clearance-data",
    version: 1,
    options,
    extractedAt: input.extractedAt,
    rowCounts: input.rowCounts,
    population: {
      offices: population.offices.length,
      officers: population.officers.length,
      brokers: population.brokers.length,
      importers: population.importerCount,
      rules: population.rules,
    },
    reliableFromDeclarationsPerYear: 20_000,
    patterns,
  };
}
