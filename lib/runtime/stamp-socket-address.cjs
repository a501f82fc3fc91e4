// Loaded by next.config.js in the server process: stamps every HTTP request with the address of the socket it came
// on, overwriting whatever a client sent under that name, so lib/auth/client-address.ts can tell the real peer from
// a forged X-Forwarded-For. Next.js gives route handlers and server actions no access to the socket.
const http = require("node:http");

const HEADER = "x-pmc-socket-address";
const marker = Symbol.for("pmc.stampSocketAddress");

if (!http.Server.prototype[marker]) {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function stampSocketAddress(event, request, ...rest) {
    if (event === "request" && request && request.headers) {
      request.headers[HEADER] = (request.socket && request.socket.remoteAddress) || "";
    }
    return emit.call(this, event, request, ...rest);
  };
  http.Server.prototype[marker] = true;
}
