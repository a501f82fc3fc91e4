// What an admin form action answers: a message key of "admin.feedback" / "admin.errors", and per-field error keys.
import { z } from "zod";
import { AppError } from "@/lib/errors";

export type FormResult =
  | { status: "idle" }
  | { status: "success"; message: string }
  | { status: "error"; message: string; fieldErrors: Record<string, string> };

export const IDLE: FormResult = { status: "idle" };

// Expected refusals become a result the form shows; anything else is a bug and propagates to the error boundary.
export function formErrorFrom(error: unknown): FormResult {
  if (error instanceof z.ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = String(issue.path[0] ?? "form");
      fieldErrors[field] ??= issue.message;
    }
    return { status: "error", message: "invalidInput", fieldErrors };
  }
  if (error instanceof AppError && error.code !== "UNAUTHENTICATED" && error.code !== "FORBIDDEN") {
    return { status: "error", message: error.message, fieldErrors: {} };
  }
  throw error;
}
