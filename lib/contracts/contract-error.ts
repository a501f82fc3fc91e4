// A refusal of a contract operation that the user can act on: an i18n key of "contracts.errors", its values, and
// the form field it concerns. Still an AppError, so route handlers map it to its HTTP status.
import { AppError, type AppErrorCode } from "@/lib/errors";
import type { Refusal } from "@/lib/contracts/lifecycle";

export type MessageValues = Record<string, string | number>;

export class ContractError extends AppError {
  constructor(
    code: AppErrorCode,
    key: string,
    readonly values: MessageValues = {},
    readonly field: string | null = null,
  ) {
    super(code, key);
    this.name = "ContractError";
  }
}

export function throwIfRefused(refusal: Refusal | null): void {
  if (refusal) throw new ContractError(refusal.code, refusal.key);
}
