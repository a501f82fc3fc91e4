import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DisputeAnswerInput, DisputeInput, MAX_DECLARATIONS, splitDeclIds } from "@/lib/disputes/schema";

const messages = (result: { success: boolean; error?: z.ZodError }) =>
  result.error
    ? result.error.issues.map((i) => [i.path.join("."), i.message, (i as { params?: unknown }).params ?? null])
    : [];

const dispute = {
  contractId: "12",
  kpiId: "P1",
  month: "2025-04",
  reason: "Two of these were assessed by a colleague",
};

describe("declaration ids typed by the officer", () => {
  it("are split on commas, semicolons and white space, each kept once in the order typed", () => {
    expect(splitDeclIds(" D-1, D-2  D-3;D-1\nD-4 ,, ")).toEqual(["D-1", "D-2", "D-3", "D-4"]);
    expect(splitDeclIds("")).toEqual([]);
  });

  it("are optional, and refused with the first malformed one named", () => {
    expect(DisputeInput.parse(dispute).declIds).toEqual([]);
    expect(DisputeInput.parse({ ...dispute, declIds: "CMDLA1-2025-000123, CMDLA1-2025-000124" }).declIds).toEqual([
      "CMDLA1-2025-000123",
      "CMDLA1-2025-000124",
    ]);
    expect(messages(DisputeInput.safeParse({ ...dispute, declIds: "GOOD-1 <script>" }))).toEqual([
      ["declIds", "declIdFormat", { declId: "<script>" }],
    ]);
    const many = Array.from({ length: MAX_DECLARATIONS + 1 }, (_, i) => `D${i}`).join(" ");
    expect(messages(DisputeInput.safeParse({ ...dispute, declIds: many }))).toEqual([
      ["declIds", "tooManyDeclarations", null],
    ]);
  });
});

describe("a dispute", () => {
  it("needs a known KPI, a month and a reason of a few words", () => {
    expect(DisputeInput.parse(dispute)).toMatchObject({ contractId: 12, kpiId: "P1", month: "2025-04" });
    expect(
      messages(DisputeInput.safeParse({ ...dispute, kpiId: "P99", month: "2025-13", reason: "short" })).map(
        (m) => m[1],
      ),
    ).toEqual(["unknownKpi", "month", "reasonShort"]);
    expect(messages(DisputeInput.safeParse({ ...dispute, contractId: "x" })).map((m) => m[1])).toEqual(["notFound"]);
  });
});

describe("an answer", () => {
  const answer = { disputeId: "3", answer: "Checked with the clearance system" };

  it("always has a written answer and an outcome", () => {
    expect(messages(DisputeAnswerInput.safeParse({ disputeId: "3", answer: " " })).map((m) => m[1])).toEqual([
      "outcomeRequired",
      "answerShort",
    ]);
  });

  it("needs a value for a correction, typed with a point or a decimal comma", () => {
    expect(
      messages(DisputeAnswerInput.safeParse({ ...answer, outcome: "ACCEPTED_CORRECTED", correctedValue: "" })),
    ).toEqual([["correctedValue", "correctionRequired", null]]);
    expect(
      messages(DisputeAnswerInput.safeParse({ ...answer, outcome: "ACCEPTED_CORRECTED", correctedValue: "abc" })).map(
        (m) => m[1],
      ),
    ).toEqual(["number"]);
    expect(
      DisputeAnswerInput.parse({ ...answer, outcome: "ACCEPTED_CORRECTED", correctedValue: "0,72" }).correctedValue,
    ).toBe(0.72);
    expect(
      DisputeAnswerInput.parse({ ...answer, outcome: "ACCEPTED_CORRECTED", correctedValue: 0.5 }).correctedValue,
    ).toBe(0.5);
  });

  it("keeps no value for an annotation or a rejection", () => {
    expect(
      DisputeAnswerInput.parse({ ...answer, outcome: "ACCEPTED_ANNOTATED", correctedValue: "0.7" }).correctedValue,
    ).toBeNull();
    expect(DisputeAnswerInput.parse({ ...answer, outcome: "REJECTED" }).correctedValue).toBeNull();
  });
});
