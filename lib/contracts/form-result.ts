// What a contract form's server action answers: a message key of "contracts.feedback" or "contracts.errors" with its
// values, and per-field errors keyed by the field's path ("title", "indicators.2.target").
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { ContractError, type MessageValues } from "@/lib/contracts/contract-error";

export type FieldError = { key: string; values: MessageValues };

export type ContractFormResult =
  | { status: "idle" }
  | { status: "success"; message: string; values: MessageValues; redirectTo?: string }
  | { status: "error"; message: string; values: MessageValues; fieldErrors: Record<string, FieldError> };

export const IDLE: ContractFormResult = { status: "idle" };

export function success(message: string, values: MessageValues = {}, redirectTo?: string): ContractFormResult {
  return { status: "success", message, values, ...(redirectTo ? { redirectTo } : {}) };
}

// Expected refusals become a result the form shows on top and next to the field concerned (so a message is never
// lost on a form that has no such field); anything else is a bug and
// propagates to the error boundary.
export function formErrorFrom(error: unknown): ContractFormResult {
  if (error instanceof z.ZodError) {
    const fieldErrors: Record<string, FieldError> = {};
    for (const issue of error.issues) {
      const field = issue.path.join(".") || "form";
      const params = (issue as { params?: MessageValues }).params ?? {};
      fieldErrors[field] ??= { key: issue.message, values: params };
    }
    return { status: "error", message: "invalidInput", values: {}, fieldErrors };
  }
  if (error instanceof ContractError) {
    return {
      status: "error",
      message: error.message,
      values: error.values,
      fieldErrors: error.field ? { [error.field]: { key: error.message, values: error.values } } : {},
    };
  }
  if (error instanceof AppError && error.code !== "UNAUTHENTICATED") {
    return { status: "error", message: error.message, values: {}, fieldErrors: {} };
  }
  throw error;
}
