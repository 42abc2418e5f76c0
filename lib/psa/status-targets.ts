import { readAccountPreferences, updatePreferences } from "@/lib/accounts/preferences";
import type { AuditEntry } from "@/lib/audit/record-audit";
import type { PreferenceChange } from "@/lib/audit/preference-audit";
import type { Viewer } from "@/lib/auth/viewer";
import { invalid } from "@/lib/errors";
import { loadPsaProvider, requirePsaProvider } from "@/lib/psa/account-provider";
import type { SetPsaStatusTargetInput } from "@/lib/psa/connection-schemas";
import type { PsaBoard, PsaProvider, PsaStatus } from "@/lib/psa/provider";
import { isPsaError } from "@/lib/psa/psa-error";

export type TargetKind = "resolved" | "escalated";
const preferenceKey = { resolved: "cw_resolved_status_id", escalated: "cw_escalated_status_id" } as const;

/** A configured target status and where it was found among the PSA's boards. */
export type StatusTarget = {
  status_id: string | null;
  /** Null when unset, or when no active board has that status any more. */
  board_id: string | null;
  status_name: string | null;
};

export type StatusTargets = {
  /** Active boards, by name. */
  boards: PsaBoard[];
  /** Active statuses of the boards that hold a current target, in board order, so the pickers start filled. */
  statuses: Record<string, PsaStatus[]>;
  resolved: StatusTarget;
  escalated: StatusTarget;
  /** The PSA's message when the boards or statuses could not be read (a key without permission, an outage). */
  warning: string | null;
};

/** The audit event of a target change: which target, the status id before and after, and the new status's name. */
function targetAudit(kind: TargetKind, statusName: string | null) {
  return (change: PreferenceChange): AuditEntry => ({
    action: "psa.status_target_changed",
    targetType: "psa_status_target",
    targetId: kind,
    before: { status_id: change.before[preferenceKey[kind]] ?? null },
    after: { status_id: change.after[preferenceKey[kind]] ?? null, status_name: statusName },
  });
}

const activeStatuses = (statuses: PsaStatus[]) => statuses.filter((status) => !status.inactive).sort((a, b) => a.sort_order - b.sort_order);

async function readStatuses(provider: PsaProvider, boardId: string): Promise<PsaStatus[]> {
  return activeStatuses(await provider.listBoardStatuses(boardId));
}

/**
 * Settings → PSA: the boards and the configured resolved/escalated statuses (SPEC E4), each located
 * on its board by reading the active boards' real statuses. Null when the account isn't connected.
 * A PSA failure degrades to empty lists with the PSA's message as `warning`.
 */
export async function getPsaStatusTargets(viewer: Viewer): Promise<StatusTargets | null> {
  const provider = await loadPsaProvider(viewer.accountId);
  if (!provider) return null;
  const preferences = await readAccountPreferences(viewer.accountId);
  const ids = { resolved: preferences.cw_resolved_status_id, escalated: preferences.cw_escalated_status_id };
  const unlocated = (kind: TargetKind): StatusTarget => ({ status_id: ids[kind] === null ? null : String(ids[kind]), board_id: null, status_name: null });
  try {
    const boards = (await provider.listBoards()).filter((board) => !board.inactive).sort((a, b) => a.name.localeCompare(b.name));
    const all = ids.resolved === null && ids.escalated === null ? [] : await Promise.all(boards.map(async (board) => [board.id, await readStatuses(provider, board.id)] as const));
    const locate = (kind: TargetKind): StatusTarget => {
      const target = unlocated(kind);
      for (const [boardId, statuses] of all) {
        const status = statuses.find((candidate) => candidate.id === target.status_id);
        if (status) return { ...target, board_id: boardId, status_name: status.name };
      }
      return target;
    };
    const resolved = locate("resolved");
    const escalated = locate("escalated");
    const holding = new Set([resolved.board_id, escalated.board_id]);
    const statuses = Object.fromEntries(all.filter(([boardId]) => holding.has(boardId)));
    return { boards, statuses, resolved, escalated, warning: null };
  } catch (error) {
    if (!isPsaError(error)) throw error;
    console.warn(JSON.stringify({ event: error.failure === "forbidden" ? "psa.list_forbidden" : "psa.list_failed", account_id: viewer.accountId, list: "boards", message: error.message }));
    return { boards: [], statuses: {}, resolved: unlocated("resolved"), escalated: unlocated("escalated"), warning: error.message };
  }
}

/** A board's active statuses, in the PSA's order, for the target pickers. Throws the PsaError. */
export async function listTargetStatuses(viewer: Viewer, boardId: string): Promise<PsaStatus[]> {
  return readStatuses(await requirePsaProvider(viewer.accountId), boardId);
}

/**
 * Saves the resolved or escalated target status into the account preferences, after checking it
 * is one of the board's real, active statuses; a null status clears it. Throws invalid (422) for a
 * status that isn't on the board, conflict (409) when the account isn't connected. A change is
 * audited as `psa.status_target_changed`.
 */
export async function setPsaStatusTarget(viewer: Viewer, input: SetPsaStatusTargetInput): Promise<StatusTarget> {
  const key = preferenceKey[input.target];
  if (input.status_id === null) {
    await updatePreferences(viewer, { [key]: null }, { auditAs: targetAudit(input.target, null) });
    return { status_id: null, board_id: null, status_name: null };
  }
  if (!input.board_id) throw invalid("Pick the board the status belongs to.");
  const statuses = await listTargetStatuses(viewer, input.board_id);
  const status = statuses.find((candidate) => candidate.id === input.status_id);
  if (!status) throw invalid(`Status ${input.status_id} is not an active status of that board; pick one from the list.`);
  await updatePreferences(viewer, { [key]: Number(status.id) }, { auditAs: targetAudit(input.target, status.name) });
  return { status_id: status.id, board_id: input.board_id, status_name: status.name };
}
