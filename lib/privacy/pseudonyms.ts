// Keyed pseudonyms for identifiers that leave the portal (docs/decisions/033-harmonised-data-and-privacy.md): an
// HMAC-SHA-256 of the purpose, the kind of party and the identifier, under a key only the portal holds. The same
// identifier gets the same pseudonym within one purpose (a partner can follow a broker across exports) and unrelated
// ones across purposes (two partners cannot join their copies); without the key it cannot be reversed or recomputed.
// Pure: the key is passed in. PostgreSQL computes the same value (retention) with pgcrypto's hmac().
import crypto from "node:crypto";
import { z } from "zod";

export const PSEUDONYM_KINDS = { officer: "O", broker: "B", importer: "I" } as const;
export type PseudonymKind = keyof typeof PSEUDONYM_KINDS;

// 16 hex digits (64 bits) after a letter naming the kind: 17 characters, what the WCO Data Model allows for a
// party's identifier.
const DIGITS = 16;

export const PseudonymPurpose = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "a purpose is 1 to 64 lower-case letters, digits, dots, dashes or underscores");

export function pseudonymMessage(purpose: string, kind: PseudonymKind, id: string): string {
  return `${purpose}\u0000${kind}\u0000${id}`;
}

export function pseudonym(key: Buffer, purpose: string, kind: PseudonymKind, id: string): string {
  const mac = crypto
    .createHmac("sha256", key)
    .update(pseudonymMessage(purpose, kind, id))
    .digest("hex");
  return PSEUDONYM_KINDS[kind] + mac.slice(0, DIGITS);
}

// The same value in SQL, for set-based pseudonymisation: $key is the key (bytea), $purpose the purpose.
// (PostgreSQL text cannot hold the NUL separator: the message is assembled as bytea.)
export function pseudonymSql(column: string, kind: PseudonymKind, key: string, purpose: string): string {
  const nul = `'\\x00'::bytea`;
  const message = `convert_to(${purpose}, 'UTF8') || ${nul} || convert_to('${kind}', 'UTF8') || ${nul} || convert_to(${column}, 'UTF8')`;
  return `CASE WHEN ${column} IS NULL THEN NULL ELSE '${PSEUDONYM_KINDS[kind]}' || left(encode(hmac(${message}, ${key}, 'sha256'), 'hex'), ${DIGITS}) END`;
}

// A function replacing identifiers of each kind by their pseudonyms for one purpose, or leaving them when no
// purpose is given.
export type Pseudonymizer = (kind: PseudonymKind, id: string | null) => string | null;

export function pseudonymizer(key: Buffer | null, purpose: string | null): Pseudonymizer {
  if (!purpose) return (_kind, id) => id;
  if (!key) throw new Error("no pseudonym key");
  const cache = new Map<string, string>();
  return (kind, id) => {
    if (id === null) return null;
    const k = `${kind}\u0000${id}`;
    let value = cache.get(k);
    if (value === undefined) {
      value = pseudonym(key, purpose, kind, id);
      if (cache.size < 100_000) cache.set(k, value);
    }
    return value;
  };
}
