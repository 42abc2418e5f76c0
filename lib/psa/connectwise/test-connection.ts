import type { CwContext } from "@/lib/psa/connectwise/cw-context";
import type { CwSystemInfo } from "@/lib/psa/connectwise/cw-types";
import { CW_PERMISSION } from "@/lib/psa/connectwise/permissions";

/**
 * A harmless authenticated check: /system/info (the version) and one cheap list (a board), so
 * keys that authenticate but can't read service data fail here rather than on the Tickets page.
 * Throws the PsaError of whichever call failed.
 */
export async function testConnection(ctx: CwContext): Promise<{ message: string }> {
  const info = await ctx.http.call<CwSystemInfo>({ method: "GET", path: "/system/info", subject: { what: "System info", permission: CW_PERMISSION.system } });
  await ctx.http.call({ method: "GET", path: "/service/boards", query: { fields: "id", pageSize: 1 }, subject: { what: "Boards", permission: CW_PERMISSION.boards } });
  const version = info.data?.version?.trim();
  return { message: `ConnectWise ${version || "(version not reported)"} answered at ${ctx.http.urlFor("").host}; the API keys can read service boards.` };
}
