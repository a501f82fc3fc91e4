"use client";
// Email + password form. Errors are announced (role="alert") and the email is kept after a refusal.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { login, type LoginState } from "./actions";
import { Field, inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState<LoginState, FormData>(login, {});

  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      {state.error ? (
        <Notice tone="error">
          {state.error === "rate_limited"
            ? (state.retryAfterSeconds ?? 60) < 120
              ? t("errors.rate_limited_seconds", { seconds: state.retryAfterSeconds ?? 60 })
              : t("errors.rate_limited", { minutes: Math.ceil((state.retryAfterSeconds ?? 60) / 60) })
            : t(`errors.${state.error}`)}
        </Notice>
      ) : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field id="email" label={t("email")}>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          className={inputClasses}
        />
      </Field>
      <Field id="password" label={t("password")}>
        <input name="password" type="password" autoComplete="current-password" required className={inputClasses} />
      </Field>
      <SubmitButton pendingLabel={t("signingIn")} className="w-full py-2.5">
        {t("signIn")}
      </SubmitButton>
    </form>
  );
}
