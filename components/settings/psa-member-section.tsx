import { ErrorCallout } from "@/components/ui/error-callout";
import { PsaMemberPicker } from "@/components/settings/psa-member-picker";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { getViewerMemberSetting, type ViewerMemberSetting } from "@/lib/psa/member-mapping";

async function loadSetting(viewer: Viewer): Promise<ViewerMemberSetting | { error: string }> {
  try {
    return await getViewerMemberSetting(viewer);
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
}

/** Every signed-in user's own "Mine" mapping; rendered inside a Suspense boundary (it asks ConnectWise). */
export async function PsaMemberSection({ viewer }: { viewer: Viewer }) {
  const setting = await loadSetting(viewer);
  if ("error" in setting) return <ErrorCallout className="my-4">{setting.error}</ErrorCallout>;
  if (!setting.connected) return null;
  return <PsaMemberPicker member={setting.member} override={setting.override} members={setting.members} warning={setting.warning} />;
}
