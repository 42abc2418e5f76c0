import { z } from "zod";
import { configuredAllowHosts } from "@/lib/net/allow-list";
import { connectWiseSiteProblem, normaliseConnectWiseSite } from "@/lib/psa/connectwise/site-url";

/** Fewer characters and the "last 4" shown in Settings would give most of the key away. */
const MIN_KEY_LENGTH = 8;

const requiredText = (what: string, max: number) =>
  z
    .string({ error: `Enter the ${what}.` })
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(max, `The ${what} is at most ${max} characters.`);

/**
 * An API key on save: blank or left out means "keep the stored one" (checked by the service,
 * which refuses it when there is nothing stored yet). Never echoed in a message.
 */
const apiKey = (which: "public" | "private") =>
  z
    .string({ error: `Enter the ${which} API key as text.` })
    .trim()
    .max(200, `The ${which} API key is at most 200 characters.`)
    .refine((value) => value === "" || value.length >= MIN_KEY_LENGTH, `The ${which} API key is at least ${MIN_KEY_LENGTH} characters; paste the whole key ConnectWise showed you.`)
    .optional()
    .transform((value) => (value ? value : undefined));

function normalisedSite(value: string): string {
  try {
    return normaliseConnectWiseSite(value, configuredAllowHosts()).origin;
  } catch {
    return value; // refused above already; never stored
  }
}

/**
 * The site as a person types it, checked statically (https, a public host; OUTBOUND_ALLOW_HOSTS
 * lets tests use the loopback simulator over http). The client checks the resolved address again.
 */
const siteUrl = z
  .string({ error: "Enter your ConnectWise site, e.g. https://api-na.myconnectwise.net." })
  .trim()
  .min(1, "Enter your ConnectWise site, e.g. https://api-na.myconnectwise.net.")
  .max(500, "The ConnectWise site URL is at most 500 characters.")
  .superRefine((value, context) => {
    const problem = connectWiseSiteProblem(value, configuredAllowHosts());
    if (problem) context.addIssue({ code: "custom", message: problem });
  })
  // Stored as the origin FlowPilot talks to (a bare host gets https://, a cloud web host its api- host, a path is dropped).
  .transform((value) => normalisedSite(value));

/**
 * `PUT /api/v1/psa/connection` and the Settings form: create or replace the account's PSA
 * connection. On an update, a blank or missing key keeps the stored one.
 */
export const savePsaConnectionInput = z.object({
  provider: z.literal("connectwise", { error: 'The only PSA supported today is ConnectWise: send provider "connectwise".' }).default("connectwise"),
  site_url: siteUrl,
  company_id: requiredText("ConnectWise company id (the one you sign in with)", 100),
  public_key: apiKey("public"),
  private_key: apiKey("private"),
  client_id: requiredText("ConnectWise clientId (from developer.connectwise.com/ClientID)", 100),
});
export type SavePsaConnectionInput = z.infer<typeof savePsaConnectionInput>;

/** Settings → PSA: the resolved or escalated target status, from one board's statuses; null clears it. */
export const setPsaStatusTargetInput = z.object({
  target: z.enum(["resolved", "escalated"], { error: "The target is resolved or escalated." }),
  board_id: z.string({ error: "Pick a board." }).trim().min(1, "Pick a board.").max(40).nullable(),
  status_id: z.string({ error: "Pick a status." }).trim().regex(/^\d{1,9}$/, "ConnectWise status ids are whole numbers.").nullable(),
});
export type SetPsaStatusTargetInput = z.infer<typeof setPsaStatusTargetInput>;

/** Settings → PSA: which of the board's statuses to offer. */
export const listBoardStatusesInput = z.object({
  board_id: z.string({ error: "Pick a board." }).trim().min(1, "Pick a board.").max(40),
});

/** "Your ConnectWise member": a member id, or null to go back to matching by email. */
export const setMemberOverrideInput = z.object({
  member_id: z.string({ error: "Pick a member." }).trim().min(1, "Pick a member.").max(40).nullable(),
});
