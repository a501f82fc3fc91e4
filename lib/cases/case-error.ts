// A refusal of a case operation the user can act on: an i18n key of "cases.errors", its values and the form field it
// concerns. A ContractError, so form results (lib/contracts/form-result.ts) and route handlers carry it the same way.
import { ContractError, type MessageValues } from "@/lib/contracts/contract-error";
import type { AppErrorCode } from "@/lib/errors";
import type { Refusal } from "@/lib/cases/case-rules";

export class CaseError extends ContractError {
  constructor(code: AppErrorCode, key: string, values: MessageValues = {}, field: string | null = null) {
    super(code, key, values, field);
    this.name = "CaseError";
  }
}

export function throwIfCaseRefused(refusal: Refusal | null, field: string | null = null): void {
  if (refusal) throw new CaseError(refusal.code, refusal.key, {}, field);
}
