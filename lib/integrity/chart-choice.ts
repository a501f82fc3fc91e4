// The office and period a chart page shows: the ones asked for when the user may see them, else the first office of
// their scope and the latest stored period (the year before its quarters and months, periodKind order).
import { periodKey, periodOfKey } from "@/lib/integrity/schema";

export function chosenPeriod(
  asked: string,
  periods: { from: string; to: string }[],
): { from: string; to: string } | null {
  const wanted = periodOfKey(asked);
  if (wanted && periods.some((p) => periodKey(p) === asked)) return wanted;
  return periods[0] ?? null;
}

export function chosenOffice(asked: string, offices: { officeCode: string }[]): string | null {
  return offices.find((o) => o.officeCode === asked)?.officeCode ?? offices[0]?.officeCode ?? null;
}
