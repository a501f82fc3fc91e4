// The months a file's rows fall in, by the dates that place them in KPI cells (lib/clearance/affected-cells.ts).
// A first load touches every subject of those months; noting them while the rows are read costs a string slice per
// date, where finding them afterwards is a scan of millions of staged rows.
import type { CanonicalFileName, CanonicalFileSpec } from "@/lib/clearance/canonical-files";

// own: the file's dates that place a row in a month; ofDeclarations: its declarations' registration months count too.
export const MONTH_COLUMNS: Partial<Record<CanonicalFileName, { own: string[]; ofDeclarations: boolean }>> = {
  declarations: { own: ["reg_ts", "asmt_ts"], ofDeclarations: false },
  inspections: { own: ["exam_ts"], ofDeclarations: true },
  events: { own: ["ts"], ofDeclarations: true },
  items: { own: [], ofDeclarations: true },
};

// Collects the distinct "YYYY-MM" of a file's month columns over the rows it is given (validated values: timestamps
// are normalised "YYYY-MM-DD HH:MM:SS", so the first seven characters are to_char(ts, 'YYYY-MM')).
export class StagedMonths {
  private readonly indexes: number[];
  private readonly seen = new Set<string>();

  constructor(spec: CanonicalFileSpec) {
    this.indexes = (MONTH_COLUMNS[spec.name]?.own ?? []).map((name) => spec.columns.findIndex((c) => c.name === name));
  }

  add(values: (string | number | null)[]): void {
    for (const i of this.indexes) {
      const value = values[i];
      if (typeof value === "string") this.seen.add(value.slice(0, 7));
    }
  }

  months(): string[] {
    return [...this.seen].sort();
  }
}
