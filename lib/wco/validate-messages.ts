// Schema validation of WCO messages with libxml2 (xmllint-wasm), against the DEC-DMS and RES schemas found in
// WCO_SCHEMA_DIR (docs/data-format.md). Many messages go to one validator run, which parses the schemas once.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { validateXML, memoryPages } from "xmllint-wasm";
import { env } from "@/lib/env";
import { problemAtLine, WCO_NS, type MessageProblem, type NormalizedMessage } from "@/lib/wco/wco-message";

type SchemaSet = { preload: { fileName: string; contents: string }[] };

let loaded: Promise<SchemaSet> | null = null;

export class WcoSchemaMissingError extends Error {}

async function listSchemaFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.promises.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listSchemaFiles(full)));
    else if (entry.name.toLowerCase().endsWith(".xsd")) out.push(full);
  }
  return out;
}

function loadSchemas(): Promise<SchemaSet> {
  loaded ??= (async () => {
    if (!env.WCO_SCHEMA_DIR) {
      throw new WcoSchemaMissingError(
        "WCO schemas not configured: set WCO_SCHEMA_DIR to the folder holding the DEC-DMS and RES schemas " +
          "(declaration/WCO_DEC_2_DMS.xsd and notification/WCO_RES_2_DMS.xsd, from the WCO Data Model package)",
      );
    }
    const dir = path.resolve(env.WCO_SCHEMA_DIR);
    const required = ["declaration/WCO_DEC_2_DMS.xsd", "notification/WCO_RES_2_DMS.xsd"];
    for (const file of required) {
      if (!fs.existsSync(path.join(dir, file))) {
        throw new WcoSchemaMissingError(
          `WCO schemas not found: ${path.join(dir, file)} is missing (set WCO_SCHEMA_DIR to the folder holding ` +
            `declaration/ and notification/)`,
        );
      }
    }
    const files = await listSchemaFiles(dir);
    const preload = await Promise.all(
      files.map(async (file) => ({
        fileName: `xsd/${path.relative(dir, file).split(path.sep).join("/")}`,
        contents: await fs.promises.readFile(file, "utf8"),
      })),
    );
    return { preload };
  })().catch((error: unknown) => {
    loaded = null;
    throw error;
  });
  return loaded;
}

// One schema that imports the envelope and the message's own namespace, each from its own folder (the two
// folders carry slightly different copies of the shared types).
function driverSchema(kind: "DEC" | "RES"): string {
  const folder = kind === "DEC" ? "declaration" : "notification";
  const main = kind === "DEC" ? "WCO_DEC_2_DMS.xsd" : "WCO_RES_2_DMS.xsd";
  const ns = kind === "DEC" ? WCO_NS.declaration : WCO_NS.response;
  return `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:pmc:wco-validation">
  <xs:import namespace="${WCO_NS.metaData}" schemaLocation="${folder}/DocumentMetaData_2_DMS.xsd"/>
  <xs:import namespace="${ns}" schemaLocation="${folder}/${main}"/>
</xs:schema>`;
}

// libxml2 names elements with their namespace in braces: the reader knows which message it is in.
const readable = (message: string) =>
  message
    .replace(/^.*?Schemas validity error : /, "")
    .replace(/\{[^}]*\}/g, "")
    .trim();

const MAX_PROBLEMS = 3;
const VALIDATION_TIMEOUT_MS = 120_000;

// The problems of each message, in order; an empty list = valid.
export async function validateMessages(
  kind: "DEC" | "RES",
  messages: NormalizedMessage[],
): Promise<MessageProblem[][]> {
  if (!messages.length) return [];
  const { preload } = await loadSchemas();
  const run = validateXML({
    xml: messages.map((m, i) => ({ fileName: `m${i}.xml`, contents: m.xml })),
    schema: { fileName: "xsd/validation-driver.xsd", contents: driverSchema(kind) },
    preload,
    maxMemoryPages: 1 * memoryPages.GiB,
  });
  // A validator worker that dies without answering would leave the import waiting for ever.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`schema validation of ${messages.length} messages did not finish`)),
      VALIDATION_TIMEOUT_MS + messages.length * 50,
    );
  });
  const result = await Promise.race([run, deadline]).finally(() => clearTimeout(timer));
  const problems: MessageProblem[][] = messages.map(() => []);
  const failed = new Set<number>();
  // An error quoting a value that holds a line break goes on over the next lines of the output.
  let last: MessageProblem | null = null;
  for (const line of result.rawOutput.split("\n")) {
    const located = /^m(\d+)\.xml:(\d+): (.*)$/.exec(line);
    const verdict = /^m(\d+)\.xml (fails to validate|validates)$/.exec(line);
    if (located) {
      const index = Number(located[1]);
      last = null;
      if (problems[index]!.length < MAX_PROBLEMS) {
        last = problemAtLine(messages[index]!, Number(located[2]), readable(located[3]!));
        problems[index]!.push(last);
      }
    } else if (verdict) {
      last = null;
      if (verdict[2] === "fails to validate") failed.add(Number(verdict[1]));
    } else if (last && line.trim()) {
      last.reason += ` ${line.trim()}`;
    }
  }
  for (const index of failed) {
    if (!problems[index]!.length) problems[index]!.push(problemAtLine(messages[index]!, 1, "fails the schema"));
  }
  return problems;
}
