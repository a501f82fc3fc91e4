// A refusal of a case operation: a key of "cases.errors".
import { DomainError, type Refusal } from "@/lib/kernel/domain-error";

export class CaseError extends DomainError {}

export function throwIfCaseRefused(refusal: Refusal | null, field: string | null = null): void {
  if (refusal) throw new CaseError(refusal.code, refusal.key, {}, field);
}
