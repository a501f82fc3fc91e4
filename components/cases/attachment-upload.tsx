"use client";
// Attaches one file to a case through POST /api/cases/:id/attachments (the raw file, its name in X-File-Name), then
// refreshes the page. The server reads the type from the bytes and caps the size; its refusal is shown as is.
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClasses } from "@/components/ui/field";
import { useCaseTexts } from "@/components/cases/form-texts";

type State =
  { status: "idle" } | { status: "done" } | { status: "error"; key: string; values: Record<string, string | number> };

export function AttachmentUpload({ caseId, maxMb }: { caseId: number; maxMb: number }) {
  const t = useTranslations("cases.attachments");
  const errorText = useCaseTexts().error;
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ status: "idle" });
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setState({ status: "error", key: "fileEmpty", values: {} });
    if (file.size > maxMb * 2 ** 20) return setState({ status: "error", key: "fileTooLarge", values: { max: maxMb } });
    setPending(true);
    try {
      const response = await fetch(`/api/cases/${caseId}/attachments`, {
        method: "POST",
        headers: { "x-file-name": encodeURIComponent(file.name), "content-type": "application/octet-stream" },
        body: file,
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setState({ status: "error", key: body?.error?.message ?? "uploadFailed", values: { max: maxMb } });
        return;
      }
      setState({ status: "done" });
      form.current?.reset();
      router.refresh();
    } catch {
      setState({ status: "error", key: "uploadFailed", values: {} });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      aria-label={t("upload")}
      data-testid="attachment-upload"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      {state.status === "done" ? <Notice tone="success">{t("attached")}</Notice> : null}
      {state.status === "error" ? <Notice tone="error">{errorText(state.key, state.values)}</Notice> : null}
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`attachment-${caseId}`} className="text-sm font-medium text-slate-800">
          {t("choose")}
        </label>
        <input
          ref={input}
          id={`attachment-${caseId}`}
          type="file"
          name="file"
          accept=".pdf,.png,.jpg,.jpeg,.txt,.csv,.xlsx"
          aria-describedby={`attachment-${caseId}-hint`}
          className={`${inputClasses} file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium`}
        />
        <p id={`attachment-${caseId}-hint`} className="text-xs text-slate-600">
          {t("hint", { max: maxMb })}
        </p>
      </div>
      <div>
        <SubmitButton pending={pending} pendingLabel={t("uploading")} variant="secondary">
          {t("upload")}
        </SubmitButton>
      </div>
    </form>
  );
}
