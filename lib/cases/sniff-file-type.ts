// What an attached file really is, read from its bytes (never from the name or the browser's content type): PDF,
// PNG and JPEG by their signatures, XLSX as a zip holding a workbook (a macro-enabled one is refused), text and CSV
// as UTF-8 without control characters. The name's extension must agree with what the bytes are.
export const ATTACHMENT_TYPES = {
  pdf: { contentType: "application/pdf", extensions: [".pdf"] },
  png: { contentType: "image/png", extensions: [".png"] },
  jpeg: { contentType: "image/jpeg", extensions: [".jpg", ".jpeg"] },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: [".xlsx"] },
  csv: { contentType: "text/csv; charset=utf-8", extensions: [".csv"] },
  txt: { contentType: "text/plain; charset=utf-8", extensions: [".txt"] },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

// Zip entry names are stored in clear in each local header and in the central directory.
const holds = (bytes: Uint8Array, name: string) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name, 0, "latin1");

function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // Tab, line feed, form feed and carriage return are text; any other C0 control or DEL is a binary file.
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

export type SniffedKind = "pdf" | "png" | "jpeg" | "xlsx" | "xlsm" | "zip" | "text" | "unknown";

export function sniffBytes(bytes: Uint8Array): SniffedKind {
  if (startsWith(bytes, PDF)) return "pdf";
  if (startsWith(bytes, PNG)) return "png";
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, ZIP)) {
    if (!holds(bytes, "[Content_Types].xml") || !holds(bytes, "xl/workbook.")) return "zip";
    return holds(bytes, "xl/vbaProject.bin") ? "xlsm" : "xlsx";
  }
  return isPlainText(bytes) ? "text" : "unknown";
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot).toLowerCase();
}

export type AttachmentCheck =
  | { ok: true; type: AttachmentType; contentType: string }
  | { ok: false; key: "fileEmpty" | "fileTypeNotAllowed" | "fileTypeMismatch" };

export function checkAttachment(fileName: string, bytes: Uint8Array): AttachmentCheck {
  if (bytes.byteLength === 0) return { ok: false, key: "fileEmpty" };
  const declared = (Object.keys(ATTACHMENT_TYPES) as AttachmentType[]).find((t) =>
    (ATTACHMENT_TYPES[t].extensions as readonly string[]).includes(extensionOf(fileName)),
  );
  if (!declared) return { ok: false, key: "fileTypeNotAllowed" };
  const sniffed = sniffBytes(bytes);
  const matches = declared === "csv" || declared === "txt" ? sniffed === "text" : sniffed === declared;
  if (!matches)
    return {
      ok: false,
      key: sniffed === "unknown" || sniffed === "zip" || sniffed === "xlsm" ? "fileTypeNotAllowed" : "fileTypeMismatch",
    };
  return { ok: true, type: declared, contentType: ATTACHMENT_TYPES[declared].contentType };
}

// The name as the user gave it, kept as metadata only: no path, no control characters, at most 200 characters.
export function displayFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
  return clean || "attachment";
}
