// Periods whose KPIs can still change: the latest two months of data and their quarters. Measured from the latest
// registration in the data rather than the server clock, so a data set that stops in the past still has them.
import "server-only";
import { monthsWithData } from "@/lib/kpis/queue-recomputation";
import { periodsForMonths, type Period } from "@/lib/kernel/calendar";

export async function openPeriods(): Promise<Period[]> {
  return periodsForMonths((await monthsWithData()).slice(-2));
}
