// The address the sign-in throttle and the audit log use: the socket's unless proxies are trusted, never a header
// the client alone wrote.
import { describe, expect, it } from "vitest";
import { SOCKET_ADDRESS_HEADER, clientAddress } from "@/lib/auth/client-address";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientAddress", () => {
  it("ignores a forged X-Forwarded-For when no proxy is trusted", () => {
    const forged = headers({ [SOCKET_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "203.0.113.1" });
    expect(clientAddress(forged, 0)).toBe("198.51.100.7");
  });

  it("takes the address the one trusted proxy saw, not what the client put before it", () => {
    // The client sent "X-Forwarded-For: 203.0.113.1"; the proxy appended the peer it saw, 198.51.100.7.
    const viaProxy = headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.1, 198.51.100.7" });
    expect(clientAddress(viaProxy, 1)).toBe("198.51.100.7");
    expect(clientAddress(viaProxy, 2)).toBe("203.0.113.1");
  });

  it("never reads further left than the chain goes", () => {
    const short = headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2" });
    expect(clientAddress(short, 3)).toBe("10.0.0.2");
  });

  it("says unknown when the server was started without the socket stamp", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.1" }), 0)).toBe("unknown");
  });
});
