import { notFound } from "next/navigation";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { getScriptTemplate } from "@/lib/scripts/templates/get-template";
import { getTemplateInput } from "@/lib/scripts/templates/schemas";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The template a page shows (`?version=N` for an older one); a bad id, another tenant's or an unknown version is the 404 page. */
export async function loadTemplatePage(viewer: Viewer, id: string, version?: string | string[]) {
  const parsed = getTemplateInput.safeParse({ id, version: first(version) });
  if (!parsed.success) notFound();
  return getScriptTemplate(viewer, parsed.data.id, { version: parsed.data.version }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
}
