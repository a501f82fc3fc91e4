// One declaration's life, from lodgement to release: goods lines, lane, assignment, re-routing, exam, assessment,
// amendment or cancellation, payment and release, in office working time. Facts after the extraction instant (the
// day after the period) are not known yet and are left out, as they would be in a real extract.
import { csvField, type CsvFileWriter } from "./csv-writer";
import type { GoodsSampler, ItemLine } from "./goods-sampler";
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_MINUTE } from "./local-time";
import type { MirrorAccumulator } from "./mirror-exports";
import type { OfficeCalendar } from "./office-calendar";
import { OfficerAssignment } from "./officer-assignment";
import { HONEST, LANE_SHARES, PLANT } from "./planted-plan";
import type { Broker, Officer, OfficePopulation, Population } from "./population";
import { WeightedPicker, type Random } from "@/lib/kernel/seeded-random";
import type { Goods } from "./reference-goods";
import { EXPORT_REGIMES, IMPORT_REGIMES, OFFENCE_CODES } from "./reference-offices";

const LANES = ["G", "B", "Y", "R"] as const;
type Lane = (typeof LANES)[number];

export type DatasetSink = {
  declarations: CsvFileWriter;
  items: CsvFileWriter;
  inspections: CsvFileWriter;
  events: CsvFileWriter;
};

export type UndervaluedItem = {
  declId: string;
  itemNo: number;
  hs6: string;
  originCountry: string;
  officeCode: string;
  /** Lines of cancelled declarations are outside the KPI sets (B) but still in items.csv. */
  declarationCancelled: boolean;
};

const MINUTE = SECONDS_PER_MINUTE;
const HOUR = SECONDS_PER_HOUR;
/** Steps of one declaration are at least a minute apart (each action happens once, so event keys are unique). */
const STEP = MINUTE;
// Assessment (reg → asmt, without exam) by lane: alike enough that an officer's median (P4) sits in one dense mode
// and is estimated well from about a hundred declarations, so peers differ by their own pace, not by sampling noise.
const ASSESSMENT_MEDIAN: Readonly<Record<Lane, number>> = {
  G: 20 * MINUTE,
  B: 22 * MINUTE,
  Y: 28 * MINUTE,
  R: 28 * MINUTE,
};
/** Log-logistic shape: log-scale spread close to a log-normal with σ = 0.5, with a closed-form quantile. */
const ASSESSMENT_SHAPE = 3.6;
const RELEASE_MEDIAN: Readonly<Record<Lane, number>> = {
  G: 30 * MINUTE,
  B: 30 * MINUTE,
  Y: 60 * MINUTE,
  R: 90 * MINUTE,
};
/** Declarations held for missing documents: the long right tail of assessment times (P2, P4_90). */
const DOCUMENT_HOLD_SHARE = 0.03;
/** Exams done by a colleague of the assessing officer's unit rather than by the officer himself. */
const COLLEAGUE_EXAM_SHARE = 0.15;
const TRANSSHIPMENT_HUBS = ["AE", "BE", "NL", "FR", "CN"] as const;

/** One declaration as simulated; times are local seconds, NaN for steps that never happen. */
type Declaration = {
  declId: string;
  regTs: number;
  flow: "I" | "E";
  broker: Broker;
  exportCountry: string;
  lines: ItemLine[];
  valueCents: number;
  taxCents: number;
  laneInitial: Lane;
  laneFinal: Lane;
  officer: Officer;
  manual: boolean;
  inspector: Officer;
  offenceCode: string;
  perfunctoryExam: boolean;
  assignTs: number;
  rerouteTs: number;
  examTs: number;
  asmtTs: number;
  amendTs: number;
  cancelTs: number;
  payTs: number;
  releaseTs: number;
};

/** Effects of controls on the declared amounts, in cents. Values and taxes are only ever raised. */
type Controls = { valueUplift: number; extraTaxes: number; adjustment: number; amendUplift: number };

export class DeclarationSimulator {
  private readonly lanes = new WeightedPicker<Lane>(
    LANES,
    LANES.map((lane) => LANE_SHARES[lane]),
  );
  private readonly importRegimes = codePicker(IMPORT_REGIMES);
  private readonly exportRegimes = codePicker(EXPORT_REGIMES);
  private readonly offences = codePicker(OFFENCE_CODES);
  private readonly assignment: OfficerAssignment;
  private readonly descriptions = new Map<string, string>();
  readonly undervaluedItems: UndervaluedItem[] = [];

  constructor(
    private readonly random: Random,
    private readonly population: Population,
    private readonly calendars: readonly OfficeCalendar[],
    private readonly goods: GoodsSampler,
    private readonly sink: DatasetSink,
    private readonly mirror: MirrorAccumulator,
    /** Extraction instant: the data set is an extract taken at the start of the day after the period. */
    private readonly cutoff: number,
  ) {
    this.assignment = new OfficerAssignment(random);
  }

  simulate(officeIndex: number, regTs: number, declId: string, year: number): void {
    const rnd = this.random;
    const office = this.population.offices[officeIndex] as OfficePopulation;
    const calendar = this.calendars[officeIndex] as OfficeCalendar;
    const flow = rnd.chance(office.spec.exportShare) ? "E" : "I";
    const regime = (flow === "I" ? this.importRegimes : this.exportRegimes).pick(rnd);
    const broker = office.pickBroker.pick(rnd);
    const importerId = this.population.pickImporter.pick(rnd);
    const lines = this.goods.declaredLines(officeIndex, flow, broker, rnd);
    const exportCountry = flow === "E" ? "CM" : this.consignmentCountry(office, (lines[0] as ItemLine).draft.origin);
    let valueCents = 0;
    let taxCents = 0;
    for (const line of lines) {
      valueCents += line.cifCents;
      taxCents += line.taxCents;
    }
    const laneInitial = this.lanes.pick(rnd);
    const { officer, manual } = this.assignment.assign(office, broker, laneInitial === "R", taxCents);
    const nan = Number.NaN;
    const d: Declaration = {
      declId,
      regTs,
      flow,
      broker,
      exportCountry,
      lines,
      valueCents,
      taxCents,
      laneInitial,
      laneFinal: laneInitial,
      officer,
      manual,
      inspector: officer,
      offenceCode: "",
      perfunctoryExam: false,
      assignTs: nan,
      rerouteTs: nan,
      examTs: nan,
      asmtTs: nan,
      amendTs: nan,
      cancelTs: nan,
      payTs: nan,
      releaseTs: nan,
    };
    this.process(d, calendar);
    const arrivalTs = this.arrival(flow, regTs, d.releaseTs);
    const controls = this.controls(d);
    this.cancelIfGaming(d, calendar);
    this.writeDeclaration(d, office.spec.code, regime, importerId, arrivalTs, controls);
    this.writeItems(d, office.spec.code, year);
  }

  /**
   * The planted gaming officer: a declaration he would not have assessed on its registration day is cancelled
   * instead. Applied once every random draw of the declaration has been made, so the draws, and with them every
   * other declaration of the data set, are exactly those of a data set without him.
   */
  private cancelIfGaming(d: Declaration, calendar: OfficeCalendar): void {
    if (
      d.regTs >= d.officer.gamingFromTs &&
      Number.isNaN(d.cancelTs) &&
      !Number.isNaN(d.asmtTs) &&
      Math.floor(d.asmtTs / SECONDS_PER_DAY) !== Math.floor(d.regTs / SECONDS_PER_DAY)
    ) {
      // In office hours, like any cancellation, so that the officer's off-hours share is untouched.
      d.cancelTs = calendar.addWorkingSeconds(d.assignTs + STEP, PLANT.gamingOfficer.cancelAfterMinutes * MINUTE);
      d.asmtTs = Number.NaN;
      d.amendTs = Number.NaN;
      d.payTs = Number.NaN;
      d.releaseTs = Number.NaN;
    }
  }

  /** The officers' steps, in office working time from registration on. */
  private process(d: Declaration, calendar: OfficeCalendar): void {
    const rnd = this.random;
    const officer = d.officer;
    const amendOrCancel = officer.amendOrCancel.next(rnd);
    d.assignTs = d.manual
      ? calendar.addWorkingSeconds(d.regTs + STEP, rnd.logNormal(5 * MINUTE, 0.5))
      : d.regTs + 30 + rnd.int(270);
    let t = d.assignTs;

    const yellowOrRed = d.laneInitial === "Y" || d.laneInitial === "R";
    if (officer.downgradeRate > 0 && yellowOrRed && rnd.chance(officer.downgradeRate)) {
      d.laneFinal = rnd.chance(0.7) ? "G" : "B";
    } else if (d.laneInitial !== "R" && rnd.chance(HONEST.upgrade[d.laneInitial])) {
      d.laneFinal = d.laneInitial === "Y" ? "R" : "Y";
    }
    if (d.laneFinal !== d.laneInitial) {
      d.rerouteTs = calendar.addWorkingSeconds(t + STEP, rnd.logNormal(15 * MINUTE, 0.5) * officer.speed);
      t = d.rerouteTs;
    }

    const inspected = d.laneFinal === "R" || (d.laneFinal === "Y" && rnd.chance(HONEST.yellowInspectionShare));
    if (inspected) {
      d.perfunctoryExam = d.laneFinal === "R" && officer.fastRedShare > 0 && rnd.chance(officer.fastRedShare);
      const delay = d.perfunctoryExam
        ? rnd.uniform(4 * MINUTE, 15 * MINUTE)
        : Math.max(40 * MINUTE, rnd.logNormal(150 * MINUTE, 0.6) * officer.speed);
      d.examTs = calendar.addWorkingSeconds(t + STEP, delay);
      if (!d.perfunctoryExam && officer.colleagues.length > 0 && rnd.chance(COLLEAGUE_EXAM_SHARE)) {
        d.inspector = rnd.pick(officer.colleagues);
      }
      if (!d.perfunctoryExam && d.inspector.offence.next(rnd)) d.offenceCode = this.offences.pick(rnd);
      t = d.examTs;
    }

    if (!rnd.chance(HONEST.stuckShare)) {
      let delay: number;
      if (d.perfunctoryExam) delay = rnd.uniform(5 * MINUTE, 20 * MINUTE);
      else if (inspected) delay = Math.max(25 * MINUTE, rnd.logNormal(60 * MINUTE, 0.5) * officer.speed);
      else delay = this.evenDelay(officer, ASSESSMENT_MEDIAN[d.laneFinal]);
      if (!d.perfunctoryExam && rnd.chance(DOCUMENT_HOLD_SHARE)) {
        delay += rnd.logNormal(2 * (calendar.closeSecond - calendar.openSecond), 0.7);
      }
      d.asmtTs = calendar.addWorkingSeconds(t + STEP, delay);
      if (officer.overtime.next(rnd)) d.asmtTs = this.afterClosing(calendar, d.asmtTs);
    }

    if (amendOrCancel) {
      if (rnd.chance(HONEST.cancelShareOfAmendOrCancel)) {
        d.cancelTs = calendar.addWorkingSeconds(d.assignTs + STEP, rnd.logNormal(4 * HOUR, 1.0));
      } else if (!Number.isNaN(d.asmtTs)) {
        d.amendTs = calendar.addWorkingSeconds(d.asmtTs + STEP, rnd.logNormal(3 * HOUR, 0.8));
      }
    }

    if (!Number.isNaN(d.asmtTs) && Number.isNaN(d.cancelTs)) {
      const payable = Number.isNaN(d.amendTs) ? d.asmtTs : d.amendTs;
      d.payTs = calendar.addWorkingSeconds(payable + STEP, rnd.logNormal(3 * HOUR, 1.0));
      const releaseDelay = rnd.logNormal(RELEASE_MEDIAN[d.laneFinal], 0.7) * officer.speed;
      d.releaseTs = calendar.addWorkingSeconds(d.payTs + STEP, releaseDelay);
      if (officer.offHoursReleaseShare > 0 && rnd.chance(officer.offHoursReleaseShare)) {
        d.releaseTs = this.offHours(calendar, d.releaseTs);
      } else if (officer.overtime.next(rnd)) {
        d.releaseTs = this.afterClosing(calendar, d.releaseTs);
      }
    }
  }

  /** Exam findings, documentary uplifts and amendments. */
  private controls(d: Declaration): Controls {
    const rnd = this.random;
    const taxRate = d.valueCents > 0 ? d.taxCents / d.valueCents : 0;
    const controls: Controls = { valueUplift: 0, extraTaxes: 0, adjustment: 0, amendUplift: 0 };
    const code = d.offenceCode;
    if (code !== "") {
      if (code === "UNDERVALUATION" || code === "QUANTITY") {
        controls.valueUplift = Math.round(d.valueCents * rnd.uniform(0.15, 0.6));
        controls.extraTaxes = Math.round(controls.valueUplift * taxRate);
      } else if (code === "MISCLASSIFICATION") {
        controls.extraTaxes = Math.round(d.valueCents * rnd.uniform(0.05, 0.15));
      } else if (code === "ORIGIN") {
        controls.extraTaxes = Math.round(d.valueCents * rnd.uniform(0.03, 0.1));
      }
      const fine =
        code === "PROHIBITED"
          ? Math.round(rnd.uniform(200_000, 2_000_000)) * 100
          : Math.round(controls.extraTaxes * rnd.uniform(0.5, 1.0));
      controls.adjustment = controls.extraTaxes + fine;
    } else if (d.laneFinal === "Y" && Number.isNaN(d.examTs) && rnd.chance(HONEST.yellowValueUpliftShare)) {
      controls.valueUplift = Math.round(d.valueCents * rnd.uniform(0.05, 0.3));
      controls.extraTaxes = Math.round(controls.valueUplift * taxRate);
    }
    if (!Number.isNaN(d.amendTs)) controls.amendUplift = Math.round(d.valueCents * rnd.uniform(0.02, 0.15));
    return controls;
  }

  private writeDeclaration(
    d: Declaration,
    officeCode: string,
    regime: string,
    importerId: string,
    arrivalTs: number,
    c: Controls,
  ): void {
    // What the extract knows: nothing at or after the cancellation (other than the cancellation) or the cutoff.
    // NaN < horizon is false: a step that never happens is unknown too.
    const cancelled = d.cancelTs < this.cutoff;
    const horizon = cancelled ? d.cancelTs : this.cutoff;
    const assigned = d.assignTs < horizon;
    const rerouted = d.rerouteTs < horizon;
    const assessed = d.asmtTs < horizon;
    const amended = d.amendTs < horizon;
    const paid = d.payTs < horizon;
    const released = d.releaseTs < horizon;
    const officerId = d.officer.id;

    const ev = this.sink.events;
    ev.text(d.declId).timestamp(d.regTs).text("register").empty().empty().empty().end();
    if (assigned) {
      const assignedBy = d.manual ? d.officer.unitHeadId : "";
      ev.text(d.declId).timestamp(d.assignTs).text("assign").text(assignedBy).empty().empty().end();
    }
    if (rerouted) {
      ev.text(d.declId)
        .timestamp(d.rerouteTs)
        .text("reroute")
        .text(officerId)
        .text(d.laneInitial)
        .text(d.laneFinal)
        .end();
    }
    if (d.examTs < horizon) {
      const exam = this.sink.inspections.text(d.declId).text(d.inspector.id).timestamp(d.examTs);
      exam
        .text(d.offenceCode === "" ? "no_offence" : "offence")
        .text(d.offenceCode)
        .cents(c.adjustment)
        .end();
    }
    if (assessed) ev.text(d.declId).timestamp(d.asmtTs).text("assess").text(officerId).empty().empty().end();
    if (amended) ev.text(d.declId).timestamp(d.amendTs).text("amend").text(officerId).empty().empty().end();
    if (paid) ev.text(d.declId).timestamp(d.payTs).text("pay").empty().empty().empty().end();
    if (released) ev.text(d.declId).timestamp(d.releaseTs).text("release").text(officerId).empty().empty().end();
    if (cancelled) ev.text(d.declId).timestamp(d.cancelTs).text("cancel").text(officerId).empty().empty().end();

    const status = cancelled
      ? "cancelled"
      : released
        ? "released"
        : paid
          ? "paid"
          : assessed
            ? "assessed"
            : "registered";
    const taxRate = d.valueCents > 0 ? d.taxCents / d.valueCents : 0;
    const out = this.sink.declarations;
    out.text(d.declId).text(officeCode).text(d.flow).text(regime).text(d.broker.id).text(importerId);
    out.text(d.exportCountry);
    optionalTimestamp(out, arrivalTs, arrivalTs < this.cutoff);
    out
      .timestamp(d.regTs)
      .text(d.laneInitial)
      .text(rerouted ? d.laneFinal : d.laneInitial);
    out.text(d.manual ? "manual" : "auto").text(assigned ? officerId : "");
    optionalTimestamp(out, d.asmtTs, assessed);
    optionalTimestamp(out, d.payTs, paid);
    optionalTimestamp(out, d.releaseTs, released);
    out.cents(d.valueCents);
    if (assessed) out.cents(d.valueCents + c.valueUplift + (amended ? c.amendUplift : 0));
    else out.empty();
    out.cents(d.taxCents);
    if (assessed) out.cents(d.taxCents + c.extraTaxes + (amended ? Math.round(c.amendUplift * taxRate) : 0));
    else out.empty();
    out.text(status).end();
  }

  /** Item lines, plus what the mirror data (cancelled imports never crossed) and the manifest need from them. */
  private writeItems(d: Declaration, officeCode: string, year: number): void {
    const items = this.sink.items;
    const cancelled = d.cancelTs < this.cutoff;
    for (let index = 0; index < d.lines.length; index++) {
      const line = d.lines[index] as ItemLine;
      const draft = line.draft;
      const supp = draft.goods.supp;
      items
        .text(d.declId)
        .int(index + 1)
        .text(draft.hsCode)
        .text(this.description(draft.goods));
      items
        .text(draft.origin)
        .grams(line.grams)
        .grams(Math.round(line.grams * this.random.uniform(1.02, 1.12)));
      if (supp) items.int(Math.max(1, Math.round(line.grams / 1000 / supp.kgPerUnit))).text(supp.unit);
      else items.empty().empty();
      items.cents(line.cifCents).cents(line.taxCents).end();
      if (d.flow === "I" && !cancelled) this.mirror.add(year, d.exportCountry, draft.goods, line.cifCents, line.grams);
      if (draft.undervalued) {
        this.undervaluedItems.push({
          declId: d.declId,
          itemNo: index + 1,
          hs6: draft.goods.hs6,
          originCountry: draft.origin,
          officeCode,
          declarationCancelled: cancelled,
        });
      }
    }
  }

  /**
   * An officer's assessment time without exam: log-logistic around the lane's median, at the officer's pace, drawn at
   * even positions of the officer's own sequence so the officer's median (P4) is well defined from few files.
   */
  private evenDelay(officer: Officer, median: number): number {
    const w = Math.min(0.999, Math.max(0.001, officer.paceSequence.next()));
    return median * (w / (1 - w)) ** (1 / ASSESSMENT_SHAPE) * officer.speed;
  }

  private consignmentCountry(office: OfficePopulation, origin: string): string {
    const rnd = this.random;
    if (office.spec.neighbours.length > 0 && rnd.chance(0.45)) return rnd.pick(office.spec.neighbours);
    return rnd.chance(0.8) ? origin : rnd.pick(TRANSSHIPMENT_HUBS);
  }

  /** Arrival of the goods: mostly days before lodgement; a few pre-arrival lodgements; rarely unknown. */
  private arrival(flow: "I" | "E", regTs: number, releaseTs: number): number {
    const rnd = this.random;
    if (flow === "E") return regTs - Math.round(Math.max(30 * MINUTE, rnd.logNormal(8 * HOUR, 0.8)));
    const draw = rnd.next();
    if (draw < 0.02) return Number.NaN;
    if (draw < 0.08) {
      const arrival = regTs + Math.round(rnd.logNormal(12 * HOUR, 0.6));
      // Goods still land before they are released.
      if (arrival < releaseTs || Number.isNaN(releaseTs)) return arrival;
      return releaseTs - Math.round(rnd.uniform(10, 60) * MINUTE);
    }
    return regTs - Math.round(Math.max(HOUR, rnd.logNormal(36 * HOUR, 0.9)));
  }

  /** Overtime: the officer finishes the task after closing time the same evening instead of the next morning. */
  private afterClosing(calendar: OfficeCalendar, ts: number): number {
    if (!calendar.isOpenAt(ts)) return ts;
    return calendar.closingOf(ts) + Math.round(this.random.uniform(5, 80) * MINUTE);
  }

  /** Planted night and weekend releases: in the evening after closing, or on the next closed day. */
  private offHours(calendar: OfficeCalendar, ts: number): number {
    const rnd = this.random;
    const day = Math.floor(ts / SECONDS_PER_DAY);
    if (!calendar.isWorkingDay(day + 1) && rnd.chance(0.5)) {
      return (day + 1) * SECONDS_PER_DAY + Math.round(rnd.uniform(9, 16) * HOUR);
    }
    return Math.max(ts, calendar.closingOf(ts)) + Math.round(rnd.uniform(45, 300) * MINUTE);
  }

  private description(goods: Goods): string {
    let text = this.descriptions.get(goods.hs6);
    if (text === undefined) {
      text = csvField(goods.description);
      this.descriptions.set(goods.hs6, text);
    }
    return text;
  }
}

function codePicker(codes: readonly { code: string; weight: number }[]): WeightedPicker<string> {
  return new WeightedPicker(
    codes.map((c) => c.code),
    codes.map((c) => c.weight),
  );
}

function optionalTimestamp(writer: CsvFileWriter, ts: number, known: boolean): void {
  if (known) writer.timestamp(ts);
  else writer.empty();
}
