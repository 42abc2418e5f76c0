import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/require-viewer";
import { readMySecurity } from "@/lib/auth/sign-ins/read-my-security";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { PasswordSection } from "@/components/settings/security/password-section";
import { SignInsSection } from "@/components/settings/security/sign-ins-section";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export const metadata: Metadata = { title: "Security · Settings" };

/** Settings → Security (issue 14): where I'm signed in (revoke one, or all), and my password. Every role. */
export default async function SecurityPage() {
  const viewer = await requireViewer("signedIn", "/settings/security");
  const security = await readMySecurity(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Security" description="The browsers signed in to your account, and your password." />
      <SettingsTabs role={viewer.role} />
      <SignInsSection signIns={security.sign_ins} />
      <PasswordSection hasPassword={security.has_password} email={viewer.email} />
      <Toaster />
    </div>
  );
}
