// A refusal of a dispute operation: a key of "disputes.errors".
import { DomainError, type Refusal } from "@/lib/kernel/domain-error";

export class DisputeError extends DomainError {}

export function throwIfDisputeRefused(refusal: Refusal | null, field: string | null = null): void {
  if (refusal) throw new DisputeError(refusal.code, refusal.key, {}, field);
}
