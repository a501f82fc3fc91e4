// The TRS intervals and lanes (docs/indicators.md "Time Release Study (TRS)"), named as in the `pmc trs` CSV: shared by
// the
// computation, the screens and the report (no database here, so client components may import it).
export const TRS_INTERVALS = [
  { id: "arrival_reg", start: "arrival_ts", end: "reg_ts" },
  { id: "reg_asmt", start: "reg_ts", end: "asmt_ts" },
  { id: "asmt_pay", start: "asmt_ts", end: "pay_ts" },
  { id: "pay_release", start: "pay_ts", end: "release_ts" },
  { id: "reg_release", start: "reg_ts", end: "release_ts" },
  { id: "arrival_release", start: "arrival_ts", end: "release_ts" },
] as const;

export type TrsInterval = (typeof TRS_INTERVALS)[number]["id"];

export const TRS_INTERVAL_IDS = TRS_INTERVALS.map((i) => i.id) as TrsInterval[];

// Lane ranks of docs/data-format.md: G < B < Y < R.
export const TRS_LANES = ["G", "B", "Y", "R"] as const;

export type TrsLane = (typeof TRS_LANES)[number];

export type TrsRow = {
  officeCode: string;
  lane: string;
  interval: TrsInterval;
  count: number;
  meanH: number | null;
  medianH: number | null;
  p90H: number | null;
  censored: number;
};

export type TrsPeriod = { from: string; to: string };

export function isTrsInterval(value: string): value is TrsInterval {
  return (TRS_INTERVAL_IDS as string[]).includes(value);
}
