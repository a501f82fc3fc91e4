// The portal as bench/web.ts measures it: the production build of the committed HEAD, exported with `git archive`
// into its own directory outside the checkout (so that uncommitted work in progress, which may not even type-check,
// and test runs rebuilding .next never change the server under measurement, nor the reverse), served by `npm start`
// (scripts/serve.mjs: `next start` in one process per core but one) on a free local port against the bench
// database, with sessions signed in through the real login (Auth.js credentials callback).
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ROOT, round } from "./support";

export const BUILD_DIR = path.join(os.tmpdir(), "pmc-bench-web");
const NEXT = path.join(BUILD_DIR, "node_modules/.bin/next");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();

function otherBuildRunning(): boolean {
  return spawnSync("pgrep", ["-f", "next build"]).status === 0;
}

export type BuildOutcome = { commit: string; built: boolean; seconds: number | null; buildId: string; dir: string };

// Built once per commit. node_modules are hard links to the checkout's (same files, no copy), except the generated
// Prisma client, which is generated again from the commit's own schema into a real copy.
export async function buildIfNeeded(): Promise<BuildOutcome> {
  const commit = git("rev-parse", "HEAD");
  const stamp = path.join(BUILD_DIR, ".bench-commit");
  const buildId = () => fs.readFileSync(path.join(BUILD_DIR, ".next", "BUILD_ID"), "utf8").trim();
  if (
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8").trim() === commit &&
    fs.existsSync(path.join(BUILD_DIR, ".next", "BUILD_ID"))
  ) {
    return { commit, built: false, seconds: null, buildId: buildId(), dir: BUILD_DIR };
  }
  // Two builds at once on two cores help nobody: wait (up to 20 min) for someone else's to finish.
  for (let waited = 0; otherBuildRunning(); waited += 10) {
    if (waited === 0) process.stderr.write("bench:web: another `next build` is running, waiting for it\n");
    if (waited > 1200) throw new Error("another `next build` has been running for 20 minutes");
    await sleep(10_000);
  }
  process.stderr.write(`bench:web: building ${commit.slice(0, 12)} in ${BUILD_DIR}\n`);
  const started = performance.now();
  fs.rmSync(BUILD_DIR, { recursive: true, force: true });
  fs.mkdirSync(BUILD_DIR, { recursive: true });
  execFileSync("bash", ["-c", `git archive --format=tar ${commit} | tar -x -C "${BUILD_DIR}"`], {
    cwd: ROOT,
    stdio: "inherit",
  });
  execFileSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(BUILD_DIR, "node_modules")]);
  for (const generated of [".prisma", "@prisma/client"]) {
    const target = path.join(BUILD_DIR, "node_modules", generated);
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(path.join(ROOT, "node_modules", generated), target, { recursive: true });
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: "",
  };
  execFileSync(path.join(BUILD_DIR, "node_modules/.bin/prisma"), ["generate"], {
    cwd: BUILD_DIR,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  execFileSync(NEXT, ["build"], { cwd: BUILD_DIR, env, stdio: ["ignore", "ignore", "inherit"] });
  fs.writeFileSync(stamp, `${commit}\n`);
  return {
    commit,
    built: true,
    seconds: round((performance.now() - started) / 1000),
    buildId: buildId(),
    dir: BUILD_DIR,
  };
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 50; port++) if (await portFree(port)) return port;
  throw new Error(`no free port in ${from}..${from + 49}`);
}

// webProcesses: how many `next start` processes serve.mjs started (its first line says).
export type Server = { baseUrl: string; webProcesses: number; stop: () => Promise<void>; output: () => string };

// `npm start` (scripts/serve.mjs) in its own process group, so stopping it stops every process it started.
export async function startServer(port: number, env: { databaseUrl: string; queuePrefix: string }): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: BUILD_DIR,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: "",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: env.databaseUrl,
      QUEUE_PREFIX: env.queuePrefix,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      LOG_LEVEL: "warn",
    },
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output = (output + chunk).slice(-20_000)));
  child.stderr!.on("data", (chunk: Buffer) => (output = (output + chunk).slice(-20_000)));
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    await Promise.race([gone, sleep(10_000)]);
    if (!exited) process.kill(-child.pid!, "SIGKILL");
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (exited) throw new Error(`the web server exited before answering:\n${output}`);
    const answered = await fetch(`${baseUrl}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (answered) {
      const webProcesses = Number(/serve: (\d+) web process/.exec(output)?.[1] ?? NaN);
      return { baseUrl, webProcesses, stop, output: () => output };
    }
    await sleep(1000);
  }
  await stop();
  throw new Error(`the web server did not answer ${baseUrl}/login within 120 s:\n${output}`);
}

// name=value of every Set-Cookie, later ones replacing earlier ones of the same name.
function mergeCookies(jar: Map<string, string>, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
  }
}

// Signs in as the login form does (Auth.js credentials: CSRF token, then the callback) and returns the Cookie header
// of the session, checked against /api/auth/session.
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  mergeCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  mergeCookies(jar, callback);
  const session = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: cookie() } })).json()) as {
    user?: { email?: string };
  } | null;
  if (session?.user?.email !== email) {
    throw new Error(
      `signing in as ${email} failed: the callback answered ${callback.status} → ${callback.headers.get("location")}`,
    );
  }
  return cookie();
}
