import type { Viewer } from "@/lib/auth/viewer";
import { toErrorResponseParts } from "@/lib/http/error-body";
import { openBuilderFromFix } from "@/lib/script-builder/open-from-fix";
import { builderLanguage } from "@/lib/script-builder/schemas";
import { z } from "zod";

const fromFixQuery = z.object({ from_session: z.uuid(), fix: z.uuid(), language: builderLanguage.optional().catch(undefined) });

/**
 * `/scripts/builder?from_session=…&fix=…`: the builder pre-loaded from that fix (created or
 * reused), or the server's reason it can't be (cap reached, fix not found) for the page to show.
 * Null when the query doesn't ask for it.
 */
export async function openFromSearch(viewer: Viewer, query: Record<string, string | string[] | undefined>): Promise<{ id?: string; error?: string } | null> {
  if (query.from_session === undefined && query.fix === undefined) return null;
  const parsed = fromFixQuery.safeParse(query);
  if (!parsed.success) return { error: "That link to the builder is incomplete: it needs a pilot session and one of its fixes." };
  try {
    const opened = await openBuilderFromFix(viewer, { sessionId: parsed.data.from_session, fixId: parsed.data.fix, language: parsed.data.language });
    return { id: opened.session.id };
  } catch (error) {
    return { error: toErrorResponseParts(error).body.error.message };
  }
}
