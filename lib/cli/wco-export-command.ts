import type { CliOptions } from "@/lib/cli/options";
export async function runWcoExportCommand(_options: CliOptions): Promise<number> {
  throw new Error("not yet");
}
