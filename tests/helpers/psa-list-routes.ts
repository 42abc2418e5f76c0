import * as boards from "@/app/api/v1/psa/boards/route";
import * as boardStatuses from "@/app/api/v1/psa/boards/[id]/statuses/route";
import * as companies from "@/app/api/v1/psa/companies/route";
import * as members from "@/app/api/v1/psa/members/route";
import * as priorities from "@/app/api/v1/psa/priorities/route";
import * as statuses from "@/app/api/v1/psa/statuses/route";

/**
 * The PSA pick-list routes (SPEC G5), by list. Route code under test: load this with
 * `await import(...)` after the file's `vi.hoisted` environment, like the routes themselves.
 */
export const psaListRoutes = { boards, boardStatuses, statuses, priorities, members, companies };
