// A Redis server of a test's own (redis-server on a free port, its data in a temporary folder), which the test can
// stop and start again to play an outage: restarted empty (nothing kept on disk, as in the deployments this portal
// runs in), or gone for a while and back with its data (saved on the way down, loaded on the way up).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";

export type RedisServer = {
  url: string;
  port: number;
  // Stops the server: with `keepData` it saves its data first, else the data is gone.
  stop: (options?: { keepData?: boolean }) => Promise<void>;
  start: () => Promise<void>;
  // Stops for good and removes the temporary folder.
  dispose: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function answers(port: number): Promise<boolean> {
  const client = new Redis({
    port,
    host: "127.0.0.1",
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmc-redis-"));
  let child: ChildProcess | null = null;
  // A test that throws before its teardown must not leave the server behind.
  process.once("exit", () => child?.kill("SIGKILL"));

  const start = async () => {
    child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
      { stdio: "ignore" },
    );
    const deadline = Date.now() + 10_000;
    while (!(await answers(port))) {
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const stop = async (options: { keepData?: boolean } = {}) => {
    const running = child;
    if (!running) return;
    child = null;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    const admin = new Redis({ port, host: "127.0.0.1", maxRetriesPerRequest: 0, retryStrategy: () => null });
    admin.on("error", () => undefined);
    // The server closes the connection as it shuts down: the command's own answer never comes.
    await admin.call("SHUTDOWN", options.keepData ? "SAVE" : "NOSAVE").catch(() => undefined);
    admin.disconnect();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (running.exitCode === null) running.kill("SIGKILL");
    if (!options.keepData) await fs.rm(path.join(dir, "dump.rdb"), { force: true });
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    dispose: async () => {
      await stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
