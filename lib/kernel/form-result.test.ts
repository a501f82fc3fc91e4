import { describe, expect, it } from "vitest";
import { ContractInput } from "@/lib/contracts/schema";
import { ContractError } from "@/lib/contracts/contract-error";
import { AppError } from "@/lib/kernel/app-error";
import { formErrorFrom } from "@/lib/kernel/form-result";

describe("formErrorFrom", () => {
  it("keys schema issues by the field's full path, with the issue's values", () => {
    const parsed = ContractInput.safeParse({
      title: "Ok title",
      partyType: "OFFICE",
      officeCode: "CMDLA1",
      periodFrom: "2025-01-01",
      periodTo: "2025-06-30",
      indicators: [{ kpiId: "P1", threshold: 0.4, target: 0.7, weight: 40 }],
    });
    expect(formErrorFrom(parsed.error)).toEqual({
      status: "error",
      message: "invalidInput",
      values: {},
      fieldErrors: { indicators: { key: "weightsSum", values: { total: 40 } } },
    });
  });

  it("shows a service refusal on top and beside its field", () => {
    expect(formErrorFrom(new ContractError("CONFLICT", "overlap", { contractNo: 3 }, "periodFrom"))).toEqual({
      status: "error",
      message: "overlap",
      values: { contractNo: 3 },
      fieldErrors: { periodFrom: { key: "overlap", values: { contractNo: 3 } } },
    });
    expect(formErrorFrom(new AppError("FORBIDDEN", "forbidden"))).toMatchObject({
      status: "error",
      message: "forbidden",
    });
  });

  it("lets anything unexpected through to the error boundary", () => {
    expect(() => formErrorFrom(new Error("boom"))).toThrow("boom");
    expect(() => formErrorFrom(new AppError("UNAUTHENTICATED", "signIn"))).toThrow();
  });
});
