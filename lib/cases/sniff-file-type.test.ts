import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { checkAttachment, displayFileName, sniffBytes } from "@/lib/cases/sniff-file-type";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p)))));

const pdf = bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n");
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], "IHDR");
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF");
const csv = bytes("decl_id,amount\nCMDLA1-2025-1,120.50\n");
const utf8Text = new Uint8Array(Buffer.from("Entretien avec l’agent : déclaration sous-évaluée.\r\n\tFin.", "utf8"));
const zipOnly = bytes([0x50, 0x4b, 0x03, 0x04], "....notes.txt");
const exe = bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0]);
const html = bytes("<html><script>alert(1)</script></html>");

async function xlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Audit").addRow(["decl_id", "adjustment"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("what the bytes are", () => {
  it("recognises each allowed type by its signature, whatever the name says", async () => {
    expect(sniffBytes(pdf)).toBe("pdf");
    expect(sniffBytes(png)).toBe("png");
    expect(sniffBytes(jpeg)).toBe("jpeg");
    expect(sniffBytes(await xlsx())).toBe("xlsx");
    expect(sniffBytes(csv)).toBe("text");
    expect(sniffBytes(utf8Text)).toBe("text");
    expect(sniffBytes(zipOnly)).toBe("zip");
    expect(sniffBytes(exe)).toBe("unknown");
    expect(sniffBytes(bytes([0x41, 0x00, 0x42]))).toBe("unknown");
    expect(sniffBytes(bytes([0xc3, 0x28]))).toBe("unknown"); // not UTF-8
    expect(sniffBytes(bytes("PK\u0003\u0004[Content_Types].xml xl/workbook.xml xl/vbaProject.bin"))).toBe("xlsm");
  });
});

describe("an attachment", () => {
  it("is accepted when its extension is allowed and agrees with its bytes, typed from the bytes", async () => {
    expect(checkAttachment("report.PDF", pdf)).toEqual({ ok: true, type: "pdf", contentType: "application/pdf" });
    expect(checkAttachment("photo.jpeg", jpeg)).toMatchObject({ ok: true, type: "jpeg" });
    expect(checkAttachment("photo.jpg", jpeg)).toMatchObject({ ok: true, type: "jpeg" });
    expect(checkAttachment("scan.png", png)).toMatchObject({ ok: true, type: "png", contentType: "image/png" });
    expect(checkAttachment("audit.xlsx", await xlsx())).toMatchObject({ ok: true, type: "xlsx" });
    expect(checkAttachment("rows.csv", csv)).toEqual({ ok: true, type: "csv", contentType: "text/csv; charset=utf-8" });
    expect(checkAttachment("interview.txt", utf8Text)).toMatchObject({ ok: true, type: "txt" });
  });

  it("is refused when empty, of a type not allowed, or when the name lies about the bytes", () => {
    expect(checkAttachment("report.pdf", new Uint8Array())).toEqual({ ok: false, key: "fileEmpty" });
    expect(checkAttachment("tool.exe", exe)).toEqual({ ok: false, key: "fileTypeNotAllowed" });
    expect(checkAttachment("page.html", html)).toEqual({ ok: false, key: "fileTypeNotAllowed" });
    expect(checkAttachment("no-extension", pdf)).toEqual({ ok: false, key: "fileTypeNotAllowed" });
    // An executable renamed .pdf, a PNG renamed .pdf, a PDF renamed .txt, a plain zip or a macro workbook as .xlsx.
    expect(checkAttachment("report.pdf", exe)).toEqual({ ok: false, key: "fileTypeNotAllowed" });
    expect(checkAttachment("report.pdf", png)).toEqual({ ok: false, key: "fileTypeMismatch" });
    expect(checkAttachment("notes.txt", pdf)).toEqual({ ok: false, key: "fileTypeMismatch" });
    expect(checkAttachment("book.xlsx", zipOnly)).toEqual({ ok: false, key: "fileTypeNotAllowed" });
    expect(
      checkAttachment("book.xlsx", bytes("PK\u0003\u0004[Content_Types].xml xl/workbook.xml xl/vbaProject.bin")),
    ).toEqual({ ok: false, key: "fileTypeNotAllowed" });
    // HTML with a .txt name is text (served as text/plain with nosniff, so never rendered).
    expect(checkAttachment("page.txt", html)).toMatchObject({ ok: true, type: "txt" });
  });

  it("keeps the user's name as metadata only: no folders, no control characters", () => {
    expect(displayFileName("C:\\Users\\awa\\Rapport d’audit.pdf")).toBe("Rapport d’audit.pdf");
    expect(displayFileName("../../etc/passwd")).toBe("passwd");
    expect(displayFileName("a\u0000b\nc.txt")).toBe("abc.txt");
    expect(displayFileName("")).toBe("attachment");
    expect(displayFileName("x".repeat(300) + ".pdf")).toHaveLength(200);
  });
});
