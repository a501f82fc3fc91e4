// A refusal of an integrity operation: a key of "integrity.errors".
import { DomainError } from "@/lib/kernel/domain-error";

export class IntegrityError extends DomainError {}
