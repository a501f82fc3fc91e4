"use server";
// Server action of an import's page: retry of a failed import (ADMIN, as uploading is).
import { z } from "zod";
import { retryImportBatch } from "@/lib/clearance/retry-import";
import { formFields, runFormAction } from "@/lib/kernel/form-action";
import { success, type FormResult } from "@/lib/kernel/form-result";

const RetryInput = z.object({ batchId: z.coerce.number().int().positive() });

export async function retryImportAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    { roles: ["ADMIN"] },
    async (user) => {
      await retryImportBatch(RetryInput.parse(formFields(formData)).batchId, user.id);
      return success("retried");
    },
    ["/data"],
  );
}
