"use client";
// Upload of a zip of canonical CSV files or a KCS CSV. The file is streamed to the server as the request body
// (no multipart buffering); the upload's own progress is shown, then the import's page takes over.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ProgressBar } from "@/components/data/progress-bar";

export function UploadPanel() {
  const t = useTranslations("data.upload");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  function upload() {
    if (!file) return;
    setError(null);
    setSent(0);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/imports");
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
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
    xhr.send(file);
  }

  return (
    <section aria-labelledby="upload-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="upload-title" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("help")}</p>
      <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-center">
        <label className="sr-only" htmlFor="import-file">
          {t("fileLabel")}
        </label>
        <input
          id="import-file"
          ref={input}
          type="file"
          accept=".zip,.csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
        />
        <Button onClick={upload} disabled={!file || sent !== null}>
          {t("submit")}
        </Button>
      </div>
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
