"use server";
// Server actions of the case page. Public endpoints: each checks the session and the integrity area; the services
// check the case's scope, its status and who may take each step (lib/cases/case-rules.ts) themselves.
import { formFields, runFormAction } from "@/lib/kernel/form-action";
import { success, type FormResult } from "@/lib/kernel/form-result";
import type { SessionUser } from "@/lib/auth/session-user";
import { assignCase } from "@/lib/cases/assign-case";
import { addCaseNote } from "@/lib/cases/add-case-note";
import { recordFinding } from "@/lib/cases/record-finding";
import { addCaseAction } from "@/lib/cases/add-case-action";
import { closeCase } from "@/lib/cases/close-case";
import { reopenCase } from "@/lib/cases/reopen-case";

type Service = (raw: never, actor: SessionUser) => Promise<unknown>;

function run(service: Service, formData: FormData, message: string): Promise<FormResult> {
  return runFormAction(
    { area: "integrity" },
    async (user) => {
      await service(formFields(formData) as never, user);
      return success(message);
    },
    ["/integrity"],
  );
}

export async function assignCaseAction(_previous: FormResult, formData: FormData) {
  return run(assignCase as Service, formData, "assigned");
}

export async function addCaseNoteAction(_previous: FormResult, formData: FormData) {
  return run(addCaseNote as Service, formData, "noted");
}

export async function recordFindingAction(_previous: FormResult, formData: FormData) {
  return run(recordFinding as Service, formData, "findingRecorded");
}

export async function addCaseActionAction(_previous: FormResult, formData: FormData) {
  return run(addCaseAction as Service, formData, "actionRecorded");
}

export async function closeCaseAction(_previous: FormResult, formData: FormData) {
  return run(closeCase as Service, formData, "closed");
}

export async function reopenCaseAction(_previous: FormResult, formData: FormData) {
  return run(reopenCase as Service, formData, "reopened");
}
