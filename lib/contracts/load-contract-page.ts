// Contract pages answer 404 for an id that is not a contract the user may see, exactly as for one that does not
// exist.
import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/kernel/app-error";
import type { Actor } from "@/lib/auth/session-user";
import { getContractDetail, type ContractDetail } from "@/lib/contracts/get-contract-detail";

export function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

export async function loadContractDetailOr404(raw: string, actor: Actor): Promise<ContractDetail> {
  const id = parseId(raw);
  if (id === null) notFound();
  try {
    return await getContractDetail(id, actor);
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

export function evaluationOr404(detail: ContractDetail, raw: string): ContractDetail["evaluations"][number] {
  const id = parseId(raw);
  const evaluation = id === null ? undefined : detail.evaluations.find((e) => e.id === id);
  if (!evaluation) notFound();
  return evaluation;
}
