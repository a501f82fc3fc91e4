// A refusal of an integrity operation the user can act on: an i18n key of "integrity.errors" with its values. A
// ContractError (as CaseError is), so form results (lib/contracts/form-result.ts) and route handlers carry it alike.
import { ContractError, type MessageValues } from "@/lib/contracts/contract-error";
import type { AppErrorCode } from "@/lib/errors";

export class IntegrityError extends ContractError {
  constructor(code: AppErrorCode, key: string, values: MessageValues = {}, field: string | null = null) {
    super(code, key, values, field);
    this.name = "IntegrityError";
  }
}
