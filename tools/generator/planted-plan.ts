// What the generator plants, and the honest background it is planted into. Strengths are set so the Flags methods of
// docs/indicators.md find every planted pattern in the whole period and in each calendar quarter from about 20,000
// declarations a year upwards (see tools/generator/generate-dataset.test.ts for the independent checks).

export const HONEST = {
  /** Declarations manually assigned by the unit head (I7 background). */
  manualShare: 0.03,
  /** Assessments and releases an officer finishes after closing time (I8 background). */
  overtimeShare: 0.025,
  /** Declarations amended after assessment or cancelled (I12 background); a quarter of them are cancellations. */
  amendOrCancelShare: 0.035,
  cancelShareOfAmendOrCancel: 0.25,
  /** Declarations that are never assessed (abandoned goods: P3 backlog). */
  stuckShare: 0.003,
  /** Legitimate re-routes are all upgrades (the officer orders more control), so any downgrade is a planted one. */
  upgrade: { G: 0.01, B: 0.01, Y: 0.025 },
  /** Yellow-lane declarations that still get a physical exam (partial or scanner examination). */
  yellowInspectionShare: 0.06,
  /** Yellow-lane documentary checks that raise the declared value without an exam. */
  yellowValueUpliftShare: 0.05,
  /** Officers' own pace, spread evenly over ×0.6–×1.4: officers differ, none by much. */
  speedSpread: 0.4,
} as const;

export const LANE_SHARES = { G: 0.55, B: 0.05, Y: 0.28, R: 0.12 } as const;

export const PLANT = {
  /** 1. Officers who re-route Y/R declarations to G/B (I1), red ones without an exam (I2). */
  downgraders: [
    { office: "CMDLA1", rate: 0.4 },
    { office: "CMYAO2", rate: 0.4 },
    { office: "CMNSI1", rate: 0.35 },
  ],
  /** Downgraders take more files than their colleagues, so they have ≥ 30 Y/R declarations in any quarter. */
  downgraderWorkload: 1.6,
  /** 2. Brokers whose declarations reach one officer by manual assignment (BROKER_OFFICER_PAIR, I7). */
  collusivePairs: [{ office: "CMDLA1" }, { office: "CMDLA1" }, { office: "CMYAO2" }],
  pairBrokerShare: 0.04,
  pairManualShare: 0.85,
  /** 3. An officer whose assessments take five times as long (VALUE_OUTLIER on P4). */
  slowOfficer: { office: "CMYAO2", factor: 5 },
  /** 4. A national broker whose declared values mostly start with 5–9 (BENFORD). */
  benfordBroker: { share: 0.08, fabricatedShare: 0.7 },
  /** 5. Item lines declared at a tenth of the usual unit value (UNIT_VALUE, I10). */
  undervalued: {
    combos: [
      { hs6: "851713", origin: "CN" },
      { hs6: "870323", origin: "BE" },
      { hs6: "640299", origin: "CN" },
    ],
    share: 1 / 12,
    factor: 0.1,
  },
  /** 6. An officer who releases goods at night and at weekends (I8). */
  offHoursOfficer: { office: "CMKYO1", releaseShare: 0.6 },
  /** 7. Partner exports far above declared imports (mirror analysis), per year, among the largest flows. */
  mirrorGaps: { ranks: [1, 4, 8], factorMin: 2, factorMax: 2.8, minFobUsd: 150_000 },
  /** 8. A red-lane officer who "inspects" and assesses within the hour (I9); auto-assignment by workload then sends
   * him more red files, which is also why he has ≥ 30 of them in a quarter. */
  fastRedAssessor: { office: "CMDLA1", redWeight: 6, share: 0.7 },
  /** 9. An officer whose contract rewards same-day assessment from `from` on (the demo contracts start then) and
   * who, from that day, cancels every declaration he would not assess on its registration day, `cancelAfterMinutes` of
   * office time after it reached him (the declarant lodges it again): his same-day rate (P1) rises, his late rate (P2) falls and
   * his cancellations (I12) rise, which the GAMING watch of his contract finds. No random draw is added: every
   * other declaration is exactly as without him; only the import totals behind the mirror data lose his cancelled
   * declarations, which can change which flows rank among the largest (where the mirror gaps are planted). */
  gamingOfficer: { office: "CMDLA5", from: "2025-07-01", cancelAfterMinutes: 45 },
} as const;
