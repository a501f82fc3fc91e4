// Preloaded by the worker and the CLI (`tsx --require`): they are server code, but outside React Server Components
// the "server-only" marker package throws. Register it as an empty module instead.
const Module = require("node:module");
const file = require.resolve("server-only");
const stub = new Module(file);
stub.filename = file;
stub.loaded = true;
stub.exports = {};
require.cache[file] = stub;
