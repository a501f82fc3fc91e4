"use server";
// Login form action: signs in through Auth.js and turns a refusal into a state the form can show.
import { AuthError } from "next-auth";
import { signIn, LoginRefused } from "@/lib/auth/auth";
import { safeCallbackPath } from "@/lib/auth/callback-path";

export type LoginState = {
  error?: "missing" | "invalid" | "inactive" | "rate_limited";
  retryAfterSeconds?: number;
  email?: string;
};

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!email || !password) return { error: "missing", email };

  try {
    // On success signIn() redirects (it throws Next's redirect signal, which must not be caught here).
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(formData.get("callbackUrl")) ?? "/" });
  } catch (error) {
    if (error instanceof LoginRefused) {
      return { error: error.reason, retryAfterSeconds: error.retryAfterSeconds, email };
    }
    if (error instanceof AuthError) return { error: "invalid", email };
    throw error;
  }
  return {};
}
