// A refusal the user can act on: an i18n key of the domain's "errors" messages, its values and the form field it
// concerns. Every domain's refusal (ContractError, CaseError, …) extends it, so form results and route handlers carry
// them all the same way; as an AppError its code maps to an HTTP status.
import { AppError, type AppErrorCode } from "@/lib/kernel/app-error";

export type MessageValues = Record<string, string | number>;

export class DomainError extends AppError {
  constructor(
    code: AppErrorCode,
    key: string,
    readonly values: MessageValues = {},
    readonly field: string | null = null,
  ) {
    super(code, key);
    this.name = "DomainError";
  }
}

// A domain's refusal rule answers null (allowed) or the reason it refuses.
export type Refusal = { code: AppErrorCode; key: string };

export const refuse = (code: AppErrorCode, key: string): Refusal => ({ code, key });
