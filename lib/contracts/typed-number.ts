// Numbers as typed in a form: a decimal comma is accepted (French users type "0,5"); an empty or unreadable field
// becomes NaN, which the server's schema refuses with the "number" message next to the field.
export function parseTypedNumber(text: string): number {
  const trimmed = text.trim().replace(/\s/g, "").replace(",", ".");
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

export function typedNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : "";
}
