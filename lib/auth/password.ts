// Password hashing with Argon2id (@node-rs/argon2 ships prebuilt binaries, nothing to compile).
import "server-only";
import { hash, verify } from "@node-rs/argon2";

export function hashPassword(password: string): Promise<string> {
  // Library defaults are Argon2id with OWASP-recommended memory and time costs.
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, not a crash of the login page.
    return false;
  }
}

// Verifying against this hash when the email is unknown makes "no such user" take as long as "wrong password",
// so response times do not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash("decoy-password-never-matches");
  return decoyHash;
}
