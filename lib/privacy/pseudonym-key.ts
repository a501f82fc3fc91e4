// The portal's pseudonym key: PSEUDONYM_KEY when set (every web and worker process of a deployment must share it),
// else a random key created once in DATA_DIR/.pseudonym-key, readable by the portal's user only. Losing the key
// makes every pseudonym given so far impossible to reproduce; it is never shown or exported.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: Buffer | null = null;

export function pseudonymKey(): Buffer {
  if (cached) return cached;
  if (env.PSEUDONYM_KEY) {
    cached = Buffer.from(env.PSEUDONYM_KEY, "utf8");
    return cached;
  }
  const file = path.resolve(env.DATA_DIR, ".pseudonym-key");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // wx: two processes starting together cannot both create it; the loser reads the winner's key.
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  cached = Buffer.from(fs.readFileSync(file, "utf8").trim(), "utf8");
  return cached;
}
