"use server";
// Server actions of the case page. Public endpoints: each checks the session and the integrity area; the services
// check the case's scope, its status and who may take each step (lib/cases/case-rules.ts) themselves.
import { revalidatePath } from "next/cache";
import { requireArea } from "@/lib/auth/guards";
import { formErrorFrom, success, type ContractFormResult } from "@/lib/contracts/form-result";
import { assignCase } from "@/lib/cases/assign-case";
import { addCaseNote } from "@/lib/cases/add-case-note";
import { recordFinding } from "@/lib/cases/record-finding";
import { addCaseAction } from "@/lib/cases/add-case-action";
import { closeCase } from "@/lib/cases/close-case";
import { reopenCase } from "@/lib/cases/reopen-case";

type Service = (raw: never, actor: Awaited<ReturnType<typeof requireArea>>) => Promise<unknown>;

async function run(service: Service, formData: FormData, message: string): Promise<ContractFormResult> {
  const user = await requireArea("integrity");
  try {
    await service(Object.fromEntries(formData.entries()) as never, user);
  } catch (error) {
    return formErrorFrom(error);
  }
  revalidatePath("/integrity", "layout");
  return success(message);
}

export async function assignCaseAction(_previous: ContractFormResult, formData: FormData) {
  return run(assignCase as Service, formData, "assigned");
}

export async function addCaseNoteAction(_previous: ContractFormResult, formData: FormData) {
  return run(addCaseNote as Service, formData, "noted");
}

export async function recordFindingAction(_previous: ContractFormResult, formData: FormData) {
  return run(recordFinding as Service, formData, "findingRecorded");
}

export async function addCaseActionAction(_previous: ContractFormResult, formData: FormData) {
  return run(addCaseAction as Service, formData, "actionRecorded");
}

export async function closeCaseAction(_previous: ContractFormResult, formData: FormData) {
  return run(closeCase as Service, formData, "closed");
}

export async function reopenCaseAction(_previous: ContractFormResult, formData: FormData) {
  return run(reopenCase as Service, formData, "reopened");
}
