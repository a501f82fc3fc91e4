// The session cookie as the proxy and the guards read it: Auth.js's own tokens, decoded without Auth.js's request
// pipeline, refused when tampered with, expired or past the absolute limit after sign-in.
import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/config";
import { env } from "@/lib/env";
import { readSessionToken } from "@/lib/auth/session-token";

const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
const now = () => Math.floor(Date.now() / 1000);

const token = (claims: Record<string, unknown>, salt = PLAIN, maxAge = 3600) =>
  encode({
    token: { sub: "user-1", role: "MANAGER", signedInAt: now(), ...claims },
    secret: authSecret(),
    salt,
    maxAge,
  });

describe("readSessionToken", () => {
  it("reads the user of a token Auth.js issued, from the plain or the __Secure- cookie", async () => {
    await expect(readSessionToken(`other=1; ${PLAIN}=${await token({})}`)).resolves.toMatchObject({
      sub: "user-1",
      role: "MANAGER",
    });
    await expect(readSessionToken(`${SECURE}=${await token({ sub: "user-2" }, SECURE)}`)).resolves.toMatchObject({
      sub: "user-2",
    });
    // Read twice: the second answer (remembered) is the same.
    const cookie = `${PLAIN}=${await token({ sub: "user-3" })}`;
    await expect(readSessionToken(cookie)).resolves.toMatchObject({ sub: "user-3" });
    await expect(readSessionToken(cookie)).resolves.toMatchObject({ sub: "user-3" });
  });

  it("refuses no cookie, a tampered token and a token under the other cookie's name", async () => {
    await expect(readSessionToken(null)).resolves.toBeNull();
    await expect(readSessionToken("other=1")).resolves.toBeNull();
    const valid = await token({});
    const tampered = `${valid.slice(0, -6)}${valid.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
    await expect(readSessionToken(`${PLAIN}=${tampered}`)).resolves.toBeNull();
    // The cookie name is the key derivation's salt: a token moved to the other name does not decrypt.
    await expect(readSessionToken(`${SECURE}=${valid}`)).resolves.toBeNull();
  });

  it("refuses an expired token and a session past its absolute limit after sign-in", async () => {
    await expect(readSessionToken(`${PLAIN}=${await token({}, PLAIN, -60)}`)).resolves.toBeNull();
    await expect(
      readSessionToken(`${PLAIN}=${await token({ signedInAt: now() - env.SESSION_MAX_AGE_SECONDS - 1 })}`),
    ).resolves.toBeNull();
    await expect(readSessionToken(`${PLAIN}=${await token({ signedInAt: undefined })}`)).resolves.toBeNull();
  });
});
