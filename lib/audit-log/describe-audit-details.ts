// An audit entry's details as readable pairs instead of a JSON dump: a change as "from → to", numbers rounded for
// reading (the stored value is kept exactly in the log and the exports), nested values flattened with their path.
// Pure; the page translates the labels and formats the values in the reader's language.
export type DetailValue =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "empty" }
  | { kind: "change"; from: DetailValue; to: DetailValue }
  | { kind: "list"; items: DetailValue[] };

export type Detail = { key: string; path: string[]; value: DetailValue };

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 2 &&
  "from" in value &&
  "to" in value;

function describeValue(value: unknown): DetailValue {
  if (value === null || value === undefined || value === "") return { kind: "empty" };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (Array.isArray(value)) return { kind: "list", items: value.map(describeValue) };
  if (isChange(value)) return { kind: "change", from: describeValue(value.from), to: describeValue(value.to) };
  if (typeof value === "object") return { kind: "text", text: JSON.stringify(value) };
  return { kind: "text", text: String(value) };
}

export function describeAuditDetails(data: unknown, path: string[] = []): Detail[] {
  if (data === null || data === undefined) return [];
  if (typeof data !== "object" || Array.isArray(data) || isChange(data)) {
    return [{ key: path.at(-1) ?? "value", path, value: describeValue(data) }];
  }
  return Object.entries(data as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === "object" && value !== null && !Array.isArray(value) && !isChange(value)
      ? describeAuditDetails(value, [...path, key])
      : [{ key, path: [...path, key], value: describeValue(value) }],
  );
}

// The same details as one line of plain text (CSV/XLSX exports, title attributes), numbers unrounded.
export function detailsAsText(details: Detail[], label: (key: string) => string = (k) => k): string {
  const show = (value: DetailValue): string => {
    switch (value.kind) {
      case "empty":
        return "—";
      case "number":
        return String(value.value);
      case "boolean":
        return String(value.value);
      case "text":
        return value.text;
      case "list":
        return value.items.map(show).join(", ");
      case "change":
        return `${show(value.from)} → ${show(value.to)}`;
    }
  };
  return details.map((d) => `${d.path.map(label).join(" › ")}: ${show(d.value)}`).join("; ");
}
