// The customs offices of the synthetic administration (Cameroon-like: a container port, a vehicle port, an airport,
// an inland clearance depot and two land borders), with their hours and how their traffic differs.

export type OfficeSpec = {
  code: string;
  name: string;
  open: string;
  close: string;
  /** ISO weekdays open (1 = Monday). */
  workdays: readonly number[];
  /** Share of the country's declarations lodged here. */
  share: number;
  /** Share of export declarations among this office's declarations. */
  exportShare: number;
  /** Inspection hit rate: spec asks for 5–30 % by office. */
  hitRate: number;
  /** Goods group weights multiplied by these factors at this office (vehicles go through the vehicle port, etc.). */
  groupFactors: Readonly<Record<string, number>>;
  /** Consignment countries over-represented at a land border (goods trucked in from the neighbours). */
  neighbours: readonly string[];
};

const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const MON_SAT = [1, 2, 3, 4, 5, 6] as const;
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;

export const OFFICES: readonly OfficeSpec[] = [
  {
    code: "CMDLA1",
    name: "Douala Port I (containers)",
    open: "07:30",
    close: "18:00",
    workdays: MON_SAT,
    share: 0.34,
    exportShare: 0.15,
    hitRate: 0.12,
    groupFactors: { vehicles: 0.15, motorcycles: 1.5 },
    neighbours: [],
  },
  {
    code: "CMDLA5",
    name: "Douala Port V (vehicles)",
    open: "08:00",
    close: "17:00",
    workdays: WEEKDAYS,
    share: 0.12,
    exportShare: 0.02,
    hitRate: 0.08,
    groupFactors: { vehicles: 30, parts: 6, motorcycles: 4 },
    neighbours: [],
  },
  {
    code: "CMNSI1",
    name: "Yaoundé-Nsimalen Airport",
    open: "06:00",
    close: "22:00",
    workdays: EVERY_DAY,
    share: 0.14,
    exportShare: 0.08,
    hitRate: 0.22,
    groupFactors: {
      pharma: 5,
      electronics: 3,
      phones: 3,
      cosmetics: 2,
      staples: 0.05,
      fish: 0.05,
      construction: 0.02,
      metals: 0.05,
      vehicles: 0.02,
      motorcycles: 0.05,
      usedClothing: 0.1,
    },
    neighbours: [],
  },
  {
    code: "CMYAO2",
    name: "Yaoundé Inland Clearance Depot",
    open: "08:00",
    close: "17:30",
    workdays: WEEKDAYS,
    share: 0.18,
    exportShare: 0.1,
    hitRate: 0.15,
    groupFactors: { vehicles: 0.3 },
    neighbours: [],
  },
  {
    code: "CMKYO1",
    name: "Kyé-Ossi Land Border",
    open: "07:00",
    close: "19:00",
    workdays: MON_SAT,
    share: 0.12,
    exportShare: 0.18,
    hitRate: 0.28,
    groupFactors: { staples: 2, beverages: 2, vehicles: 0.3, phones: 0.5 },
    neighbours: ["GA", "GQ"],
  },
  {
    code: "CMGBL1",
    name: "Garoua-Boulaï Land Border",
    open: "07:00",
    close: "18:00",
    workdays: MON_SAT,
    share: 0.1,
    exportShare: 0.12,
    hitRate: 0.06,
    groupFactors: { staples: 2, construction: 2, vehicles: 0.3, phones: 0.5 },
    neighbours: ["CF", "TD"],
  },
];

/** The one office with a local (office-specific) holiday in holidays.csv. */
export const LOCAL_HOLIDAY_OFFICE = "CMDLA1";

export const IMPORT_REGIMES = [
  { code: "IM4", weight: 0.86 },
  { code: "IM7", weight: 0.08 },
  { code: "IM5", weight: 0.04 },
  { code: "IM6", weight: 0.02 },
] as const;

export const EXPORT_REGIMES = [
  { code: "EX1", weight: 0.85 },
  { code: "EX3", weight: 0.12 },
  { code: "EX2", weight: 0.03 },
] as const;

export const OFFENCE_CODES = [
  { code: "UNDERVALUATION", weight: 0.45 },
  { code: "MISCLASSIFICATION", weight: 0.25 },
  { code: "QUANTITY", weight: 0.18 },
  { code: "ORIGIN", weight: 0.08 },
  { code: "PROHIBITED", weight: 0.04 },
] as const;

/**
 * National currency (XAF, pegged to the euro at 655.957) per US dollar, yearly averages; years outside the table use
 * the nearest one. Only mirror analysis converts currencies.
 */
const XAF_PER_USD: Readonly<Record<number, number>> = {
  2019: 585.91,
  2020: 574.78,
  2021: 554.53,
  2022: 623.76,
  2023: 606.57,
  2024: 606.35,
  2025: 583.2,
};

export function perUsd(year: number): number {
  const years = Object.keys(XAF_PER_USD).map(Number);
  const nearest = years.reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) ? y : best));
  return XAF_PER_USD[nearest] as number;
}
