import type { Tx } from "@/lib/db";
import { demoAccount, demoUsers } from "./seed-data";

type Resolver = "senior" | "admin" | "owner";

export type ResolvedPast = {
  title: string;
  companyName: string;
  resolver: Resolver;
  daysAgo: number;
  facts: string[];
  fix: { title: string; description: string; script?: string };
  /** The resolution note's root cause and resolution lines (the problem is the title, the facts are what was confirmed). */
  cause: string;
  resolution: string;
  /** Days after the resolve when the ticket came back open (L3); the fix then no longer counts as having worked. */
  reopenedAfterDays?: number;
};

/**
 * Three months of resolved sessions across six problem families, each with confirmed facts, a
 * fix that worked, its script where one ran, and a resolution note, so "Seen before", KB drafts
 * and the reopen rate have history on a fresh machine. The same problem is worded differently
 * across sessions, as different engineers and users describe it. Owned and resolved by the
 * senior, the admin and the owner, so the junior's own lists stay as the demo describes them.
 */
export const RESOLVED_HISTORY: ResolvedPast[] = [
  // Outlook profile corruption / credential prompts
  {
    title: "Outlook keeps asking for password after Windows update", companyName: "Northwind Dental", resolver: "senior", daysAgo: 84,
    facts: ["Credential prompt appears only in Outlook desktop; Outlook on the web works.", "Started after the monthly cumulative update.", "Credential Manager holds several stale MicrosoftOffice16 entries."],
    fix: { title: "Clear cached Office credentials and re-authenticate", description: "Remove the stale MicrosoftOffice16 entries from Credential Manager, restart Outlook and sign in once.", script: "cmdkey /list | Select-String 'MicrosoftOffice16' | ForEach-Object { cmdkey /delete:($_ -split 'target=')[1].Trim() }" },
    cause: "Stale cached Office credentials from before the password change were replayed after the update.", resolution: "Cleared the cached credentials; Outlook signed in once and stopped prompting.",
  },
  {
    title: "Outlook repeatedly prompts for credentials, webmail fine", companyName: "Contoso Legal", resolver: "admin", daysAgo: 61,
    facts: ["Prompt loops every few minutes in the desktop client.", "OWA and Teams sign in without prompting.", "User changed her password two days ago."],
    fix: { title: "Clear cached Office credentials and re-authenticate", description: "Delete the Office entries in Credential Manager and sign in again with the new password.", script: "cmdkey /list | Select-String 'MicrosoftOffice16' | ForEach-Object { cmdkey /delete:($_ -split 'target=')[1].Trim() }" },
    cause: "Outlook kept the pre-change password in Credential Manager.", resolution: "Removed the cached entries; one sign-in and the prompts stopped.",
    reopenedAfterDays: 3,
  },
  {
    title: "Outlook stuck on 'Loading profile' and crashes", companyName: "Fabrikam Logistics", resolver: "owner", daysAgo: 40,
    facts: ["Outlook hangs on the splash screen, then closes.", "Safe mode (outlook.exe /safe) also hangs.", "A new Windows user on the same PC opens Outlook normally."],
    fix: { title: "Rebuild the Outlook profile", description: "Create a new mail profile in Control Panel → Mail, set it as default and let the OST resync.", script: "Start-Process 'control.exe' -ArgumentList 'mlcfg32.cpl'" },
    cause: "A corrupted Outlook profile (damaged OST and profile registry keys).", resolution: "Built a new profile; the mailbox resynced and Outlook opens normally.",
  },
  {
    title: "Outlook profile corrupt: mailbox won't open", companyName: "Northwind Dental", resolver: "senior", daysAgo: 12,
    facts: ["Error 'Cannot open your default e-mail folders'.", "The OST file is 48 GB.", "Webmail shows all mail."],
    fix: { title: "Rebuild the Outlook profile", description: "Rename the old OST, create a fresh profile and let Cached Exchange Mode download the last 12 months." },
    cause: "The oversized OST was corrupted and the profile could not mount it.", resolution: "New profile with a 12-month cache window; mailbox opens and syncs.",
  },
  // VPN / MFA
  {
    title: "VPN drops every hour on the dot", companyName: "Fabrikam Logistics", resolver: "admin", daysAgo: 78,
    facts: ["Tunnel disconnects at exactly 60 minutes.", "Firewall log shows phase 2 rekey failure.", "Happens for every remote user."],
    fix: { title: "Align IPsec phase 2 lifetimes on both ends", description: "Set the phase 2 lifetime to 28800 s on the firewall and the client profile so the rekey matches." },
    cause: "Mismatched phase 2 lifetimes: the firewall rekeyed at 3600 s, the client expected 28800 s.", resolution: "Aligned both ends at 28800 s; sessions now stay up through the working day.",
  },
  {
    title: "Remote staff disconnected from VPN hourly", companyName: "Contoso Legal", resolver: "owner", daysAgo: 33,
    facts: ["Disconnects roughly every hour for all remote workers.", "Reconnecting works immediately.", "Firewall firmware was updated last week and reset the crypto profile."],
    fix: { title: "Align IPsec phase 2 lifetimes on both ends", description: "Restore the 28800 s phase 2 lifetime in the crypto profile the firmware update reset." },
    cause: "The firmware update reset the phase 2 lifetime to its 3600 s default.", resolution: "Restored the lifetime; no drops reported over the following two days.",
  },
  {
    title: "MFA prompt never arrives on the phone for VPN sign-in", companyName: "Northwind Dental", resolver: "senior", daysAgo: 52,
    facts: ["VPN sign-in waits for approval, then times out.", "Authenticator app shows no pending request.", "The user got a new phone last week."],
    fix: { title: "Re-register the Authenticator app for the user", description: "Require re-registration of MFA methods in Entra ID and have the user add the new phone." },
    cause: "MFA push notifications still targeted the old phone's registration.", resolution: "Re-registered Authenticator on the new phone; VPN approvals arrive at once.",
  },
  {
    title: "Can't connect to VPN: MFA approval loop", companyName: "Fabrikam Logistics", resolver: "admin", daysAgo: 9,
    facts: ["User approves the push but the VPN asks again.", "Only the new phone is affected.", "NPS extension log shows 'no strong auth method registered'."],
    fix: { title: "Re-register the Authenticator app for the user", description: "Reset MFA methods and register the Authenticator app again with number matching." },
    cause: "The phone swap left no valid strong authentication method for the NPS extension.", resolution: "Methods re-registered; one approval now completes the VPN sign-in.",
  },
  // Printer spooler
  {
    title: "Print jobs stuck in queue, nothing prints", companyName: "Contoso Legal", resolver: "senior", daysAgo: 88,
    facts: ["Jobs pile up with status 'Error - Printing'.", "The printer prints its own test page.", "The Print Spooler service is running but unresponsive."],
    fix: { title: "Restart the print spooler and clear the queue", description: "Stop the spooler, delete the files in the spool folder, start it again.", script: "Stop-Service -Name Spooler -Force\nRemove-Item -Path \"$env:SystemRoot\\System32\\spool\\PRINTERS\\*\" -Force\nStart-Service -Name Spooler" },
    cause: "A corrupt job blocked the spooler queue.", resolution: "Cleared the spool folder and restarted the spooler; the queue drains.",
  },
  {
    title: "Spooler service keeps stopping on the print server", companyName: "Northwind Dental", resolver: "owner", daysAgo: 57,
    facts: ["Print Spooler stops a few minutes after starting.", "Event 7031 for the spooler in the System log.", "A new label printer driver was installed yesterday."],
    fix: { title: "Remove the faulty printer driver and restart the spooler", description: "Delete the new label printer's driver package, then restart the spooler.", script: "Stop-Service -Name Spooler -Force\nGet-PrinterDriver | Where-Object Name -like '*Label*' | Remove-PrinterDriver\nStart-Service -Name Spooler" },
    cause: "The label printer driver crashed the spooler.", resolution: "Removed the driver and installed the vendor's signed one; spooler stays up.",
  },
  {
    title: "Nobody on floor two can print", companyName: "Fabrikam Logistics", resolver: "admin", daysAgo: 27,
    facts: ["All users on the floor see the printer as offline.", "The queue on the print server has 40 stuck jobs.", "Pinging the printer works."],
    fix: { title: "Restart the print spooler and clear the queue", description: "Clear the stuck jobs and restart the spooler on the print server.", script: "Stop-Service -Name Spooler -Force\nRemove-Item -Path \"$env:SystemRoot\\System32\\spool\\PRINTERS\\*\" -Force\nStart-Service -Name Spooler" },
    cause: "The spooler hung on a stuck job and stopped serving the queue.", resolution: "Queue cleared and spooler restarted; the floor prints again.",
  },
  {
    title: "Documents sent to printer vanish from the queue", companyName: "Contoso Legal", resolver: "senior", daysAgo: 4,
    facts: ["Jobs appear in the queue for a second, then disappear without printing.", "Spooler restarts did not help on their own.", "The spool folder holds old .SHD/.SPL files from last month."],
    fix: { title: "Restart the print spooler and clear the queue", description: "Stop the spooler, purge the spool folder including the old files, and start it.", script: "Stop-Service -Name Spooler -Force\nRemove-Item -Path \"$env:SystemRoot\\System32\\spool\\PRINTERS\\*\" -Force\nStart-Service -Name Spooler" },
    cause: "Orphaned spool files made the spooler drop new jobs.", resolution: "Purged the spool folder; jobs print again.",
    reopenedAfterDays: 1,
  },
  // Disk full
  {
    title: "C: drive full on the file server, users can't save", companyName: "Northwind Dental", resolver: "owner", daysAgo: 70,
    facts: ["C: has 200 MB free of 120 GB.", "WinSxS and the SoftwareDistribution download folder take 30 GB.", "Shares on D: are unaffected but the profile folder is on C:."],
    fix: { title: "Clean up the component store and update cache", description: "Run DISM component cleanup and clear the Windows Update download cache.", script: "Dism.exe /Online /Cleanup-Image /StartComponentCleanup\nStop-Service wuauserv\nRemove-Item \"$env:SystemRoot\\SoftwareDistribution\\Download\\*\" -Recurse -Force\nStart-Service wuauserv" },
    cause: "Years of superseded updates filled the system drive.", resolution: "Freed 26 GB; saving works again. Scheduled a monthly cleanup.",
  },
  {
    title: "Low disk space warning on the RDS host", companyName: "Fabrikam Logistics", resolver: "senior", daysAgo: 45,
    facts: ["RDS host C: at 98%.", "C:\\Users holds 60 GB of old roaming profiles.", "Users report slow logons."],
    fix: { title: "Remove stale user profiles older than 90 days", description: "Delete local profiles not used in 90 days, excluding special and loaded profiles.", script: "Get-CimInstance Win32_UserProfile | Where-Object { -not $_.Special -and -not $_.Loaded -and $_.LastUseTime -lt (Get-Date).AddDays(-90) } | Remove-CimInstance" },
    cause: "Profiles of departed staff were never removed from the session host.", resolution: "Removed 41 stale profiles; C: back to 55% used, logons quicker.",
  },
  {
    title: "Server out of disk space: SQL log grew huge", companyName: "Contoso Legal", resolver: "admin", daysAgo: 22,
    facts: ["The practice-management database log file is 85 GB.", "Database is in FULL recovery with no log backups.", "The disk hosting it has 1% free."],
    fix: { title: "Back up and shrink the SQL transaction log", description: "Take a log backup, shrink the log file and schedule regular log backups." },
    cause: "FULL recovery model without log backups let the transaction log grow unbounded.", resolution: "Log backed up and shrunk to 2 GB; nightly log backups scheduled.",
  },
  {
    title: "Disk full alert on reception PC", companyName: "Northwind Dental", resolver: "owner", daysAgo: 6,
    facts: ["C: has 0 bytes free.", "The Downloads folder holds 40 GB of scanned images.", "Windows Update cache is 8 GB."],
    fix: { title: "Clean up the component store and update cache", description: "Clear the update cache and run Disk Cleanup; move the scans to the file share.", script: "Stop-Service wuauserv\nRemove-Item \"$env:SystemRoot\\SoftwareDistribution\\Download\\*\" -Recurse -Force\nStart-Service wuauserv" },
    cause: "Scans saved locally and a bloated update cache filled the small SSD.", resolution: "Freed 46 GB and redirected the scanner to the share.",
  },
  // DNS / DHCP
  {
    title: "Users get 169.254 addresses, no network", companyName: "Fabrikam Logistics", resolver: "senior", daysAgo: 81,
    facts: ["Several PCs have APIPA 169.254.x.x addresses.", "The DHCP scope shows 100% in use.", "Lease duration is 8 days on a guest-heavy VLAN."],
    fix: { title: "Shorten the DHCP lease and clear stale leases", description: "Set the lease to 1 day on the scope and delete leases of devices no longer present." },
    cause: "DHCP scope exhaustion from long leases held by guest devices.", resolution: "Lease shortened and stale leases removed; clients get addresses again.",
  },
  {
    title: "DHCP pool exhausted, new laptops can't join the network", companyName: "Contoso Legal", resolver: "admin", daysAgo: 48,
    facts: ["New laptops show 'No internet, secured'.", "Scope 10.10.20.0/24 has no free addresses.", "Many leases belong to phones on the staff Wi-Fi."],
    fix: { title: "Shorten the DHCP lease and clear stale leases", description: "Reduce the lease to 1 day and move phones to their own VLAN scope." },
    cause: "Phones on staff Wi-Fi used up the scope.", resolution: "Lease shortened, phones moved to a new scope; laptops get addresses.",
  },
  {
    title: "Internal sites not resolving, internet works", companyName: "Northwind Dental", resolver: "owner", daysAgo: 30,
    facts: ["nslookup of intranet.northwind.local fails from clients.", "Clients list 8.8.8.8 as their DNS server.", "The DHCP option 006 was changed during a router swap."],
    fix: { title: "Point DHCP option 006 back at the domain controllers", description: "Set the DNS servers option to the two DCs and renew leases on the clients.", script: "ipconfig /release\nipconfig /renew\nipconfig /flushdns" },
    cause: "The new router handed out a public DNS server, which can't resolve the internal zone.", resolution: "Option 006 corrected; internal names resolve after a lease renewal.",
  },
  {
    title: "Can't reach file server by name, only by IP", companyName: "Fabrikam Logistics", resolver: "senior", daysAgo: 14,
    facts: ["\\\\fs01 fails, \\\\10.0.0.12 works.", "The fs01 A record points at an old address.", "Dynamic DNS updates are off for the server NIC."],
    fix: { title: "Correct the stale DNS record and enable dynamic registration", description: "Fix the fs01 A record, tick 'Register this connection's addresses in DNS', flush client caches.", script: "Register-DnsClient\nipconfig /flushdns" },
    cause: "A stale A record after the server's re-IP.", resolution: "Record corrected and registration enabled; the name resolves everywhere.",
  },
  // M365 licensing
  {
    title: "New starter has no mailbox in Outlook", companyName: "Contoso Legal", resolver: "admin", daysAgo: 74,
    facts: ["Account exists in Entra ID and signs in to the portal.", "Exchange admin center shows no mailbox.", "No license is assigned to the user."],
    fix: { title: "Assign the Business Premium license", description: "Assign Microsoft 365 Business Premium to the user and wait for the mailbox to provision.", script: "Set-MgUserLicense -UserId $upn -AddLicenses @{SkuId = $skuId} -RemoveLicenses @()" },
    cause: "The onboarding checklist skipped the license assignment.", resolution: "License assigned; the mailbox provisioned within 20 minutes.",
  },
  {
    title: "Office apps say 'Unlicensed Product'", companyName: "Northwind Dental", resolver: "senior", daysAgo: 37,
    facts: ["Word and Excel show a red 'Unlicensed Product' bar.", "The user's license was removed during a cost review.", "Office is activated with the user's account."],
    fix: { title: "Assign the Business Premium license", description: "Give the user back a license that includes the Office apps, then sign out and in to Office.", script: "Set-MgUserLicense -UserId $upn -AddLicenses @{SkuId = $skuId} -RemoveLicenses @()" },
    cause: "The user's license was removed, deactivating the Office apps.", resolution: "License reassigned; Office reactivated after signing in again.",
  },
  {
    title: "Teams says user isn't licensed after tenant move", companyName: "Fabrikam Logistics", resolver: "owner", daysAgo: 18,
    facts: ["Teams shows 'You're missing a license'.", "User has an E3 license without the Teams service plan (EEA SKU change).", "Outlook and OneDrive work."],
    fix: { title: "Add the standalone Teams license", description: "Assign the Teams EEA add-on license alongside the unbundled suite." },
    cause: "The unbundled suite doesn't include Teams; the add-on was never assigned.", resolution: "Teams add-on assigned; Teams signs in after a restart.",
  },
  {
    title: "Shared mailbox stopped working, says license required", companyName: "Contoso Legal", resolver: "admin", daysAgo: 2,
    facts: ["The accounts@ shared mailbox shows a license warning.", "It grew past 50 GB.", "Shared mailboxes above 50 GB need a license."],
    fix: { title: "License the shared mailbox for its size", description: "Assign Exchange Online Plan 2 to the shared mailbox so it can exceed 50 GB and enable archiving." },
    cause: "The shared mailbox passed the 50 GB free limit.", resolution: "Licensed and archive enabled; mail flows again.",
  },
];

const DAY = 24 * 60 * 60_000;
/** Fixed ids, so a second seed run can tell the history is already there. */
export const resolvedHistoryId = (index: number) => `2c000000-0000-4000-8000-${String(index + 1).padStart(12, "0")}`;

function noteOf(past: ResolvedPast): string {
  return [
    `## Problem\n${past.title}.`,
    `## What we confirmed\n${past.facts.map((fact) => `- ${fact}`).join("\n")}`,
    `## Root cause\n${past.cause}`,
    `## Resolution\n${past.fix.title}: ${past.resolution}`,
  ].join("\n\n");
}

/** Writes `RESOLVED_HISTORY` once: skipped when its first session is already there. */
export async function seedResolvedHistory(db: Tx, now = Date.now()): Promise<void> {
  if (await db.aiSession.findFirst({ where: { id: resolvedHistoryId(0) }, select: { id: true } })) return;
  const accountId = demoAccount.id;
  for (const [index, past] of RESOLVED_HISTORY.entries()) {
    const id = resolvedHistoryId(index);
    const resolver = demoUsers[past.resolver];
    const resolvedAt = new Date(now - past.daysAgo * DAY);
    const createdAt = new Date(resolvedAt.getTime() - (35 + index * 3) * 60_000);
    const appliedAt = new Date(resolvedAt.getTime() - 10 * 60_000);
    const reopenedAt = past.reopenedAfterDays === undefined ? null : new Date(resolvedAt.getTime() + past.reopenedAfterDays * DAY);
    const markdown = noteOf(past);
    await db.aiSession.create({
      data: {
        id, accountId, userId: resolver.id, title: past.title, companyName: past.companyName, status: "resolved", stateVersion: 2,
        resolvedAt, resolutionNoteMarkdown: markdown, resolutionNotePostedAt: resolvedAt, reopenedAt, createdAt, updatedAt: reopenedAt ?? resolvedAt,
      },
    });
    await db.aiSessionStep.createMany({
      data: [
        { accountId, sessionId: id, userId: resolver.id, kind: "system_event" as const, content: "Session started.", createdAt },
        { accountId, sessionId: id, userId: resolver.id, kind: "engineer_message" as const, content: past.facts[0]!, createdAt: new Date(createdAt.getTime() + 60_000) },
        { accountId, sessionId: id, userId: resolver.id, kind: "engineer_action" as const, content: "Resolved the session and posted the resolution note.", createdAt: resolvedAt, metadata: { type: "resolution_note_posted" } },
        ...(reopenedAt
          ? [{ accountId, sessionId: id, userId: null, kind: "system_event" as const, content: "The linked ticket is open again in the PSA: this session is marked reopened.", createdAt: reopenedAt, metadata: { type: "session_reopened", reason: "ticket_open" } }]
          : []),
      ],
    });
    await db.sessionFact.createMany({
      data: past.facts.map((text, order) => ({ accountId, sessionId: id, text, sourceKind: "engineer_note" as const, createdById: resolver.id, createdAt: new Date(createdAt.getTime() + (order + 2) * 60_000) })),
    });
    await db.sessionSuggestedFix.create({
      data: {
        accountId, sessionId: id, title: past.fix.title, description: past.fix.description, confidence: 85, aiDraftedScript: past.fix.script ?? null,
        userDecision: "one_off", decidedAt: appliedAt, decidedById: resolver.id, status: "applied_success", appliedAt, verifiedAt: resolvedAt,
      },
    });
    await db.sessionDocumentation.create({
      data: { accountId, sessionId: id, kind: "resolution_note", markdown, aiGenerated: false, psaPostStatus: "local", createdById: resolver.id, createdAt: resolvedAt },
    });
  }
}
