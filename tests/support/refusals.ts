// Assertions that a service call was refused: with which AppError code and message key, or as invalid input (zod).
import { expect } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/kernel/app-error";
import type { ContractError } from "@/lib/contracts/contract-error";

// What a refused call threw; fails the test when the call succeeded.
export async function refusal(promise: Promise<unknown>): Promise<AppError & Partial<ContractError>> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (error === null) throw new Error("expected a refusal, the operation succeeded");
  return error as AppError & Partial<ContractError>;
}

export async function expectRefused(promise: Promise<unknown>, code: AppError["code"], key?: string) {
  const error = await refusal(promise);
  expect(error).toBeInstanceOf(AppError);
  expect(error.code).toBe(code);
  if (key) expect(error.message).toBe(key);
  return error;
}

// The messages of the zod issues that refused the input.
export async function expectInvalid(promise: Promise<unknown>): Promise<string[]> {
  const error = await refusal(promise);
  expect(error).toBeInstanceOf(z.ZodError);
  return (error as unknown as z.ZodError).issues.map((i) => i.message);
}
