// The import's phase as the user reads it. Phases come from the pipeline as "reading", "saving offices.csv", …
type Translate = (key: string, values?: Record<string, string>) => string;

export function phaseLabel(t: Translate, status: string, phase: string | null): string {
  if (status === "QUEUED") return t("phase.queued");
  if (status === "FAILED") return t("phase.failed");
  if (!phase) return t("phase.starting");
  const saving = /^saving (.+)$/.exec(phase);
  if (saving) return t("phase.saving", { file: saving[1]! });
  const known = ["waiting", "starting", "reading", "checking quality", "done", "failed"];
  return known.includes(phase) ? t(`phase.${phase.replace(" ", "_")}`) : phase;
}
