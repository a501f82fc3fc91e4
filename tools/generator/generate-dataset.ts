// `pmc generate`: writes a deterministic synthetic clearance data set (docs/data-format.md) with documented
// planted integrity patterns (manifest.json). Streams row by row: memory stays flat whatever the volume.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "@/lib/kernel/app-error";
import { CsvFileWriter, csvLine } from "./csv-writer";
import { DATASET_HEADERS, MANIFEST_FILE, type DatasetFile } from "./dataset-layout";
import { DeclarationSimulator } from "./declaration-simulator";
import { GoodsSampler } from "./goods-sampler";
import { holidaysFor, type Holiday } from "./holidays";
import { formatDay, parseClock, parseDay, SECONDS_PER_DAY, yearOfDay } from "./local-time";
import { buildManifest } from "./manifest";
import { MirrorAccumulator } from "./mirror-exports";
import { OfficeCalendar } from "./office-calendar";
import { buildPopulation, type Population } from "./population";
import { deriveSeed, Random } from "@/lib/kernel/seeded-random";
import { LOCAL_HOLIDAY_OFFICE, OFFICES, perUsd } from "./reference-offices";
import { planDailyVolumes, registrationTimes } from "./volume-plan";

export type GenerateOptions = {
  outDir: string;
  declarations: number;
  seed: number;
  from: string;
  to: string;
  onProgress?: (done: number, total: number) => void;
};

export type GenerateSummary = { outDir: string; rowCounts: Record<DatasetFile, number>; plantedPatterns: number };

export const GENERATE_DEFAULTS = { declarations: 200_000, seed: 42, from: "2025-01-01", to: "2025-12-31" } as const;

const MAX_PERIOD_DAYS = 10 * 366;

const GenerateInput = z.object({
  outDir: z.string().min(1),
  declarations: z.number().int().min(1).max(50_000_000),
  seed: z.number().int().safe(),
  from: z.string(),
  to: z.string(),
});

function parsePeriod(from: string, to: string): { fromDay: number; toDay: number } {
  const fromDay = parseDay(from);
  const toDay = parseDay(to);
  if (fromDay === null) throw new AppError("INVALID", `from must be a date YYYY-MM-DD, got "${from}"`);
  if (toDay === null) throw new AppError("INVALID", `to must be a date YYYY-MM-DD, got "${to}"`);
  if (toDay < fromDay) throw new AppError("INVALID", `from ${from} is after to ${to}`);
  if (toDay - fromDay + 1 > MAX_PERIOD_DAYS) throw new AppError("INVALID", "the period may span at most 10 years");
  return { fromDay, toDay };
}

function openWriters(outDir: string): Record<DatasetFile, CsvFileWriter> {
  const files = Object.keys(DATASET_HEADERS) as DatasetFile[];
  return Object.fromEntries(
    files.map((file) => [file, new CsvFileWriter(path.join(outDir, file), DATASET_HEADERS[file])]),
  ) as Record<DatasetFile, CsvFileWriter>;
}

function officeCalendars(holidays: readonly Holiday[]): OfficeCalendar[] {
  return OFFICES.map((spec) => {
    const closed = holidays.filter((h) => h.officeCode === "" || h.officeCode === spec.code).map((h) => h.day);
    return new OfficeCalendar(parseClock(spec.open), parseClock(spec.close), spec.workdays, new Set(closed));
  });
}

function writeReferenceFiles(
  writers: Record<DatasetFile, CsvFileWriter>,
  population: Population,
  holidays: readonly Holiday[],
  years: readonly number[],
): void {
  for (const spec of OFFICES) {
    writers["offices.csv"].push(csvLine([spec.code, spec.name, spec.open, spec.close, spec.workdays.join(",")]));
  }
  for (const o of population.officers) {
    writers["officers.csv"].push(csvLine([o.id, o.fullName, o.officeCode, o.unit, o.grade, o.email]));
  }
  for (const holiday of holidays) writers["holidays.csv"].push(`${formatDay(holiday.day)},${holiday.officeCode}`);
  for (const year of years) writers["exchange_rates.csv"].push(`${year},${perUsd(year)}`);
}

/** Registers the planned number of declarations office by office, day by day, with serials per office and year. */
async function simulatePeriod(
  simulator: DeclarationSimulator,
  calendars: readonly OfficeCalendar[],
  period: { fromDay: number; toDay: number; declarations: number },
  random: Random,
  writers: readonly CsvFileWriter[],
  onProgress: GenerateOptions["onProgress"],
): Promise<void> {
  const { fromDay, toDay, declarations } = period;
  const counts = planDailyVolumes(
    OFFICES.map((s) => s.share),
    calendars,
    fromDay,
    toDay,
    declarations,
  );
  const serials = new Map<string, number>();
  let done = 0;
  for (let day = fromDay; day <= toDay; day++) {
    const year = yearOfDay(day);
    OFFICES.forEach((spec, officeIndex) => {
      const count = counts[(day - fromDay) * OFFICES.length + officeIndex] as number;
      if (count === 0) return;
      const serialKey = `${year}|${spec.code}`;
      let serial = serials.get(serialKey) ?? 0;
      for (const regTs of registrationTimes(calendars[officeIndex] as OfficeCalendar, day, count, random)) {
        serial++;
        simulator.simulate(officeIndex, regTs, `${year}-${spec.code}-C-${serial}`, year);
      }
      serials.set(serialKey, serial);
      done += count;
    });
    // Backpressure: a day's rows at most are buffered before the file streams catch up.
    await Promise.all(writers.map((w) => w.drain()));
    onProgress?.(done, declarations);
  }
}

export async function generateDataset(o: GenerateOptions): Promise<GenerateSummary> {
  const parsed = GenerateInput.safeParse(o);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("INVALID", `invalid generate option ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const { outDir, declarations, seed, from, to } = parsed.data;
  const { fromDay, toDay } = parsePeriod(from, to);
  const years = Array.from({ length: yearOfDay(toDay) - yearOfDay(fromDay) + 1 }, (_, i) => yearOfDay(fromDay) + i);
  await mkdir(outDir, { recursive: true });

  const population = buildPopulation(declarations, toDay - fromDay + 1, new Random(deriveSeed(seed, "population")));
  const holidays = holidaysFor(years[0] as number, years.at(-1) as number, LOCAL_HOLIDAY_OFFICE);
  const calendars = officeCalendars(holidays);
  const writers = openWriters(outDir);
  const allWriters = Object.values(writers);
  try {
    writeReferenceFiles(writers, population, holidays, years);
    const random = new Random(deriveSeed(seed, "declarations"));
    const mirror = new MirrorAccumulator();
    const sink = {
      declarations: writers["declarations.csv"],
      items: writers["items.csv"],
      inspections: writers["inspections.csv"],
      events: writers["events.csv"],
    };
    const cutoff = (toDay + 1) * SECONDS_PER_DAY;
    const goods = new GoodsSampler(OFFICES, random);
    const simulator = new DeclarationSimulator(random, population, calendars, goods, sink, mirror, cutoff);
    await simulatePeriod(simulator, calendars, { fromDay, toDay, declarations }, random, allWriters, o.onProgress);

    const { rows, gaps } = mirror.build(new Random(deriveSeed(seed, "mirror")));
    for (const row of rows) {
      writers["mirror_exports.csv"].push(`${row.partner},${row.hs6},${row.year},${row.fobUsd},${row.netKg}`);
    }
    await Promise.all(allWriters.map((w) => w.close()));

    const rowCounts = Object.fromEntries(Object.entries(writers).map(([file, w]) => [file, w.rows]));
    const manifest = buildManifest({
      options: { declarations, seed, from, to },
      extractedAt: `${formatDay(toDay + 1)} 00:00:00`,
      rowCounts: rowCounts as Record<DatasetFile, number>,
      population,
      undervaluedItems: simulator.undervaluedItems,
      mirrorGaps: gaps,
    });
    await writeFile(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, "utf8");
    return { outDir, rowCounts: manifest.rowCounts, plantedPatterns: manifest.patterns.length };
  } catch (error) {
    await Promise.allSettled(allWriters.map((w) => w.close()));
    throw error;
  }
}
