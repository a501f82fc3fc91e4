// A refusal of a dispute operation the user can act on: an i18n key of "disputes.errors", its values and the form
// field it concerns. A ContractError, so form results (lib/contracts/form-result.ts) and route handlers carry it
// the same way.
import { ContractError, type MessageValues } from "@/lib/contracts/contract-error";
import type { AppErrorCode } from "@/lib/errors";
import type { Refusal } from "@/lib/contracts/lifecycle";

export class DisputeError extends ContractError {
  constructor(code: AppErrorCode, key: string, values: MessageValues = {}, field: string | null = null) {
    super(code, key, values, field);
    this.name = "DisputeError";
  }
}

export function throwIfDisputeRefused(refusal: Refusal | null, field: string | null = null): void {
  if (refusal) throw new DisputeError(refusal.code, refusal.key, {}, field);
}
