"use client";
// The outcome of a form in the user's language: success politely, refusals as an alert, and the error of one field.
// A form names the message namespaces it reads, most specific first ("cases", then "contracts" for a refusal of the
// contract behind a case); keys come from "<namespace>.feedback" and "<namespace>.errors".
import { useFormatter, useTranslations } from "next-intl";
import type { FormResult } from "@/lib/kernel/form-result";
import type { MessageValues } from "@/lib/kernel/domain-error";
import { Notice } from "@/components/ui/notice";
import { formatMonth } from "@/components/format/kpi-format";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

type Texts = { namespaces: readonly string[]; values?: MessageValues };

function useText(kind: "errors" | "feedback", { namespaces, values: extra = {} }: Texts) {
  const t = useTranslations();
  const format = useFormatter();
  return (key: string, raw: MessageValues = {}): string | null => {
    // The services name a month as "2025-04"; the user reads it in their language.
    const month = raw.month;
    const values = typeof month === "string" && MONTH.test(month) ? { ...extra, ...raw, month: formatMonth(format, month) } : { ...extra, ...raw };
    const namespace = namespaces.find((ns) => t.has(`${ns}.${kind}.${key}`));
    return namespace ? t(`${namespace}.${kind}.${key}`, values) : null;
  };
}

export function useErrorText(texts: Texts): (key: string, values?: MessageValues) => string {
  const text = useText("errors", texts);
  return (key, values) => text(key, values) ?? text("invalidInput") ?? key;
}

export function FormMessage({ result, listFieldErrors = false, ...texts }: Texts & { result: FormResult; listFieldErrors?: boolean }) {
  const feedback = useText("feedback", texts);
  const errorText = useErrorText(texts);
  if (result.status === "idle") return null;
  if (result.status === "success") return <Notice tone="success">{feedback(result.message, result.values) ?? result.message}</Notice>;
  const main = errorText(result.message, result.values);
  const others = listFieldErrors
    ? [...new Set(Object.values(result.fieldErrors).map((e) => errorText(e.key, e.values)))].filter((m) => m !== main)
    : [];
  return (
    <Notice tone="error">
      {main}
      {others.length ? (
        <ul className="mt-1 list-disc pl-5">
          {others.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

// The translated error of one field (by its path), or undefined.
export function useFieldError(result: FormResult, texts: Texts): (field: string) => string | undefined {
  const errorText = useErrorText(texts);
  return (field) => {
    if (result.status !== "error") return undefined;
    const error = result.fieldErrors[field];
    return error ? errorText(error.key, error.values) : undefined;
  };
}
