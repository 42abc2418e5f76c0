import { db } from "@/lib/db";
import { recordSuggestedFix, type SuggestedFixInput } from "@/lib/fixes/fix-recorder";
import type { TestUser } from "@/tests/helpers/tenant";

export const SAMPLE_SCRIPT = "Restart-Service -Name Spooler -Force\nGet-Service -Name Spooler";

/**
 * A new active fix on the session, recorded the way the chat turn records a [SUGGEST_FIX]
 * (superseding the previous one and bumping state_version). It carries an AI-drafted script unless
 * told otherwise; `outcome` fields are written straight to the row afterwards.
 */
export async function suggestFix(user: Pick<TestUser, "accountId">, sessionId: string, fix: Partial<SuggestedFixInput> = {}) {
  return db.$transaction((tx) =>
    recordSuggestedFix(tx, {
      accountId: user.accountId,
      sessionId,
      fix: { title: "Restart the print spooler", description: "The spooler is hung.", confidence: 80, aiDraftedScript: SAMPLE_SCRIPT, ...fix },
    }),
  );
}

/** The fix row as stored. */
export async function storedFix(fixId: string) {
  return db.sessionSuggestedFix.findUniqueOrThrow({ where: { id: fixId } });
}
