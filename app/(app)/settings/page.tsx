import type { Metadata } from "next";
import { getPreferences } from "@/lib/accounts/preferences";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { PageHeader } from "@/components/ui/page-header";
import { PreferencesForm } from "@/components/settings/preferences-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const viewer = await requireViewer("signedIn", "/settings");
  const preferences = await getPreferences(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Settings" description="Account preferences shared by everyone in your MSP." />
      <PreferencesForm preferences={preferences} canEdit={roleAllows("ownerOrAdmin", viewer.role)} />
    </div>
  );
}
