// What every form's server action answers: a message key of the domain's "feedback" or "errors" messages with its
// values, and per-field errors keyed by the field's path ("title", "indicators.2.target").
import { z } from "zod";
import { AppError } from "@/lib/kernel/app-error";
import { DomainError, type MessageValues } from "@/lib/kernel/domain-error";

export type FieldError = { key: string; values: MessageValues };

export type FormResult =
  | { status: "idle" }
  | { status: "success"; message: string; values: MessageValues; redirectTo?: string }
  | { status: "error"; message: string; values: MessageValues; fieldErrors: Record<string, FieldError> };

export const IDLE: FormResult = { status: "idle" };

export function success(message: string, values: MessageValues = {}, redirectTo?: string): FormResult {
  return { status: "success", message, values, ...(redirectTo ? { redirectTo } : {}) };
}

// Expected refusals become a result the form shows on top and next to the field concerned (so a message is never
// lost on a form that has no such field); anything else is a bug and
// propagates to the error boundary.
export function formErrorFrom(error: unknown): FormResult {
  if (error instanceof z.ZodError) {
    const fieldErrors: Record<string, FieldError> = {};
    for (const issue of error.issues) {
      const field = issue.path.join(".") || "form";
      const params = (issue as { params?: MessageValues }).params ?? {};
      fieldErrors[field] ??= { key: issue.message, values: params };
    }
    return { status: "error", message: "invalidInput", values: {}, fieldErrors };
  }
  if (error instanceof DomainError) {
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
