"use client";
// Upload of a zip of canonical CSV files or a KCS CSV, or of WCO Data Model messages (a zip, or a folder the browser
// packs into a zip first). The file is streamed to the server as the request body (no multipart buffering); the
// upload's own progress is shown, then the import's page takes over.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { zip as zipFiles } from "fflate";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ProgressBar } from "@/components/data/progress-bar";

type Format = "standard" | "wco";

// A folder's XML files as one zip, each under its path inside the folder.
async function packFolder(files: File[]): Promise<File> {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) {
    entries[file.webkitRelativePath || file.name] = new Uint8Array(await file.arrayBuffer());
  }
  const root = (files[0]?.webkitRelativePath.split("/")[0] || "wco-messages").replace(/[^\w.-]/g, "_");
  const bytes = await new Promise<Uint8Array>((resolve, reject) =>
    zipFiles(entries, { level: 6 }, (error, data) => (error ? reject(error) : resolve(data))),
  );
  return new File([bytes as BlobPart], `${root}.zip`, { type: "application/zip" });
}

// `wcoSchemas`: whether this server has the WCO schemas (WCO_SCHEMA_DIR) that a WCO import is validated against.
export function UploadPanel({ wcoSchemas }: { wcoSchemas: boolean }) {
  const t = useTranslations("data.upload");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<Format>("standard");
  const [file, setFile] = useState<File | null>(null);
  const [folder, setFolder] = useState<File[]>([]);
  const [packing, setPacking] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  function send(upload: File) {
    setSent(0);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/imports");
    xhr.setRequestHeader("x-file-name", encodeURIComponent(upload.name));
    if (format === "wco") xhr.setRequestHeader("x-import-format", "WCO");
    xhr.upload.onprogress = (e) => e.lengthComputable && setSent((e.loaded / e.total) * 100);
    xhr.onload = () => {
      if (xhr.status === 201) {
        const { id } = JSON.parse(xhr.responseText) as { id: number };
        router.push(`/data/imports/${id}`);
        return;
      }
      setSent(null);
      try {
        setError((JSON.parse(xhr.responseText) as { error: { message: string } }).error.message);
      } catch {
        setError(t("failed", { status: xhr.status }));
      }
    };
    xhr.onerror = () => {
      setSent(null);
      setError(t("networkError"));
    };
    xhr.send(upload);
  }

  async function upload() {
    setError(null);
    if (file) return send(file);
    if (!folder.length) return;
    setPacking(true);
    try {
      send(await packFolder(folder));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPacking(false);
    }
  }

  const fileClasses =
    "block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200";

  return (
    <section aria-labelledby="upload-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="upload-title" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      <fieldset className="mt-3">
        <legend className="text-sm font-medium text-slate-800">{t("format")}</legend>
        <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:gap-6">
          {(["standard", "wco"] as const).map((f) => (
            <label key={f} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="radio"
                name="import-format"
                value={f}
                checked={format === f}
                onChange={() => {
                  setFormat(f);
                  setFile(null);
                  setFolder([]);
                  if (input.current) input.current.value = "";
                }}
              />
              {t(`formats.${f}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="mt-3 text-sm text-slate-600">{format === "wco" ? t("wcoHelp") : t("help")}</p>
      {format === "wco" && !wcoSchemas ? (
        <p role="alert" className="mt-2 text-sm font-medium text-amber-800">
          {t("wcoNoSchemas")}
        </p>
      ) : null}
      <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex w-full flex-col gap-3">
          <label className={format === "wco" ? "text-sm font-medium text-slate-800" : "sr-only"} htmlFor="import-file">
            {format === "wco" ? t("wcoFile") : t("fileLabel")}
          </label>
          <input
            id="import-file"
            ref={input}
            type="file"
            accept={format === "wco" ? ".zip" : ".zip,.csv"}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFolder([]);
            }}
            className={fileClasses}
          />
          {format === "wco" ? (
            <>
              <label className="text-sm font-medium text-slate-800" htmlFor="import-folder">
                {t("wcoFolder")}
              </label>
              <input
                id="import-folder"
                type="file"
                multiple
                // Not in React's typings: the attribute that lets a file input choose a folder.
                {...{ webkitdirectory: "" }}
                onChange={(e) => {
                  setFolder([...(e.target.files ?? [])].filter((f) => f.name.toLowerCase().endsWith(".xml")));
                  setFile(null);
                  if (input.current) input.current.value = "";
                }}
                className={fileClasses}
              />
            </>
          ) : null}
        </div>
        <Button onClick={() => void upload()} disabled={(!file && !folder.length) || sent !== null || packing || (format === "wco" && !wcoSchemas)}>
          {t("submit")}
        </Button>
      </div>
      {packing ? <p className="mt-3 text-sm text-slate-600">{t("packing", { count: folder.length })}</p> : null}
      {sent !== null ? (
        <div className="mt-4">
          <ProgressBar value={sent} label={t("uploading")} />
        </div>
      ) : null}
      {error ? (
        <div className="mt-4">
          <Notice tone="error">{error}</Notice>
        </div>
      ) : null}
    </section>
  );
}
