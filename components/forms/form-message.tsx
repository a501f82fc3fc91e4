"use client";
// The outcome of a form in the user's language: success politely, refusals as an alert, and the error of one field.
// Each domain turns its message namespaces into FormTexts once (components/<domain>/form-texts.ts), most specific
// first: a case falls back to the contracts' refusals it shares. The namespaces stay literal there, so the check of
// what the browser is sent can read them.
import { useFormatter, type useTranslations } from "next-intl";
import type { FormResult } from "@/lib/kernel/form-result";
import type { MessageValues } from "@/lib/kernel/domain-error";
import { Notice } from "@/components/ui/notice";
import { formatMonth } from "@/components/format/kpi-format";

type Translator = ReturnType<typeof useTranslations>;

export type FormTexts = {
  error: (key: string, values?: MessageValues) => string;
  feedback: (key: string, values?: MessageValues) => string;
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

// errors: translators of "<namespace>.errors"; feedback: of "<namespace>.feedback"; extra: values every message may
// use.
export function useFormTexts(errors: Translator[], feedback: Translator[], extra: MessageValues = {}): FormTexts {
  const format = useFormatter();
  const valuesOf = (raw: MessageValues) => {
    // The services name a month as "2025-04"; the user reads it in their language.
    const month = raw.month;
    return typeof month === "string" && MONTH.test(month)
      ? { ...extra, ...raw, month: formatMonth(format, month) }
      : { ...extra, ...raw };
  };
  const first = (translators: Translator[], key: string, values: MessageValues) => {
    const t = translators.find((candidate) => candidate.has(key));
    return t ? t(key, valuesOf(values)) : null;
  };
  return {
    error: (key, values = {}) => first(errors, key, values) ?? first(errors, "invalidInput", {}) ?? key,
    feedback: (key, values = {}) => first(feedback, key, values) ?? key,
  };
}

export function FormMessage({
  result,
  texts,
  listFieldErrors = false,
}: {
  result: FormResult;
  texts: FormTexts;
  listFieldErrors?: boolean;
}) {
  if (result.status === "idle") return null;
  if (result.status === "success")
    return <Notice tone="success">{texts.feedback(result.message, result.values)}</Notice>;
  const main = texts.error(result.message, result.values);
  const others = listFieldErrors
    ? [...new Set(Object.values(result.fieldErrors).map((e) => texts.error(e.key, e.values)))].filter((m) => m !== main)
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
export function fieldErrorOf(result: FormResult, texts: FormTexts): (field: string) => string | undefined {
  return (field) => {
    if (result.status !== "error") return undefined;
    const error = result.fieldErrors[field];
    return error ? texts.error(error.key, error.values) : undefined;
  };
}
