// A refusal of a contract operation: a key of "contracts.errors".
import { DomainError, type Refusal } from "@/lib/kernel/domain-error";

export class ContractError extends DomainError {}

export function throwIfRefused(refusal: Refusal | null): void {
  if (refusal) throw new ContractError(refusal.code, refusal.key);
}
