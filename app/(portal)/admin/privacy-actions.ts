"use server";
// Server actions of the administration's API tokens and retention screens; each checks the role itself.
import { z } from "zod";
import { issueApiToken, revokeApiToken } from "@/lib/api/api-tokens";
import { formFields, runFormAction } from "@/lib/kernel/form-action";
import { success, type FormResult } from "@/lib/kernel/form-result";
import { RetentionInput, saveRetentionSettings } from "@/lib/privacy/retention-settings";
import { runRetention } from "@/lib/privacy/run-retention";

const ADMIN_ONLY = { roles: ["ADMIN"] } as const;

export async function issueTokenAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    ADMIN_ONLY,
    async (admin) => {
      const fields = formFields(formData);
      const { secret } = await issueApiToken(
        { ...(fields as Record<string, string>), scopes: formData.getAll("scopes").map(String) } as never,
        admin.id,
      );
      return success("tokenIssued", { name: String(fields.name ?? "").trim(), secret });
    },
    ["/admin/api-tokens"],
  );
}

export async function revokeTokenAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    ADMIN_ONLY,
    async (admin) => {
      await revokeApiToken(z.string().min(1).parse(formData.get("id")), admin.id);
      return success("tokenRevoked");
    },
    ["/admin/api-tokens"],
  );
}

export async function saveRetentionAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    ADMIN_ONLY,
    async (admin) => {
      await saveRetentionSettings(RetentionInput.parse(formFields(formData)), admin.id);
      return success("retentionSaved");
    },
    ["/admin/retention"],
  );
}

export async function runRetentionAction(): Promise<FormResult> {
  return runFormAction(
    ADMIN_ONLY,
    async (admin) => {
      const outcome = await runRetention({ actorId: admin.id });
      return success("retentionRan", {
        declarations: outcome.declarations,
        views: outcome.views,
      });
    },
    ["/admin/retention"],
  );
}
