// `pmc` command line (docs/cli.md): a thin front over the same services and job processors as the portal.
// Progress goes to stderr; any error ends with a one-line reason and a non-zero exit.
import { parseArgs } from "node:util";
import { commands } from "@/lib/cli/commands";

const USAGE = `usage: pmc <command> [options]
  db reset --yes
  db backup FILE
  db restore FILE [--yes]
  generate --out DIR [--declarations N] [--seed S] [--from DATE --to DATE]
  import --dir DIR | --kcs FILE | --wco DIR
  export --wco --from DATE --to DATE --out DIR [--pseudonyms PURPOSE]
  kpis --from DATE --to DATE --subject officer|office --out FILE
  flags --from DATE --to DATE --out FILE
  trs --from DATE --to DATE --out FILE
  mirror --year YYYY --out FILE
  baselines --from DATE --to DATE --subject officer|office --out FILE
  triage --from DATE --to DATE --top K --out FILE
  risk evaluate --train-from DATE --train-to DATE --test-from DATE --test-to DATE --out FILE`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      yes: { type: "boolean" },
      dir: { type: "string" },
      kcs: { type: "string" },
      out: { type: "string" },
      declarations: { type: "string" },
      seed: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      subject: { type: "string" },
      year: { type: "string" },
      top: { type: "string" },
      wco: { type: "boolean" },
      pseudonyms: { type: "string" },
      "train-from": { type: "string" },
      "train-to": { type: "string" },
      "test-from": { type: "string" },
      "test-to": { type: "string" },
    },
  });
  const [first, second] = positionals;
  const name = first === "db" || first === "risk" ? `${first} ${second ?? ""}`.trim() : first;
  const command = name ? commands[name] : undefined;
  if (!name || !command) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  // The operand after the command's name: `import --wco DIR` gives DIR, `db backup FILE` gives FILE.
  const operand = positionals[name.split(" ").length];
  return command({ ...(values as Record<string, string | boolean | undefined>), operand });
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`pmc: ${message.split("\n")[0]}\n`);
    process.exit(1);
  });
