// The address a request came from, for the sign-in throttle and the audit log. A header alone is never trusted:
// with TRUST_PROXY_HOPS = 0 it is the socket's address, stamped on the request by lib/runtime/stamp-socket-address.cjs
// (Next.js itself only fills X-Forwarded-For when the client sent none, so a forged one would otherwise win); behind
// N trusted reverse proxies it is the address the outermost of them saw, read from the right of X-Forwarded-For.
export const SOCKET_ADDRESS_HEADER = "x-pmc-socket-address";

type HeaderSource = { get(name: string): string | null };

export function clientAddress(headers: HeaderSource, trustedHops: number): string {
  const socket = headers.get(SOCKET_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustedHops <= 0) return socket;
  // Each proxy appends the address it received the request from; the socket is the last hop of all.
  const chain = [
    ...(headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
    socket,
  ];
  // Entries left of the ones our own proxies appended may be the client's inventions: never go past them.
  return chain[Math.max(0, chain.length - 1 - trustedHops)]!;
}
