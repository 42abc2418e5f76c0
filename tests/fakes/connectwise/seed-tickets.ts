/**
 * ~45 deterministic tickets over the seeded boards, with owners, unassigned ones, co-assignees
 * (type-S schedule entries make up `resources`) and closed ones, plus their first notes.
 */
import { SIM_COMPANIES, SIM_MEMBERS, SIM_PRIORITY, SIM_STATUS, type SimCompanyKey, type SimMemberKey } from "./seed";

export type SeedTicket = {
  id: number;
  summary: string;
  company: SimCompanyKey;
  boardId: number;
  statusId: number;
  priorityId: number;
  owner: SimMemberKey | null;
  /** Members with an open service schedule entry on the ticket, in entry order. */
  resources: SimMemberKey[];
  /** Text of the first Discussion note (the ticket's initial description). */
  description: string;
  /** An internal-analysis note, when the ticket has had work. */
  internal?: string;
};

const H = SIM_STATUS.helpDesk;
const E = SIM_STATUS.escalations;
const L = SIM_STATUS.legacy;
const P = SIM_PRIORITY;

const t = (id: number, summary: string, company: SimCompanyKey, boardId: number, statusId: number, priorityId: number, owner: SimMemberKey | null, resources: SimMemberKey[], description: string, internal?: string): SeedTicket => ({
  id,
  summary,
  company,
  boardId,
  statusId,
  priorityId,
  owner,
  resources,
  description,
  internal,
});

export const SIM_TICKET_SEEDS: readonly SeedTicket[] = [
  t(48190, "Migrate old file server (legacy project)", "litware", 3, L.closed, P.normal, "aadmin", [], "Move the old file server shares to SharePoint."),
  t(48191, "Decommission fax server", "contoso", 3, L.new, P.low, null, [], "The fax server can go once eFax is live."),
  t(48201, "New laptop setup for incoming hire", "tailspin", 1, H.new, P.normal, null, [], "New starter on Monday needs a laptop with the standard image."),
  t(48202, "Shared mailbox missing from Outlook", "contoso", 1, H.inProgress, P.normal, "jjunior", ["jjunior"], "The billing@ shared mailbox vanished from Outlook for two paralegals.", "Automapping looks off; re-granting FullAccess."),
  t(48203, "Printer on 2nd floor jams on duplex jobs", "northwind", 1, H.waitingOnCustomer, P.low, "tlee", ["tlee"], "Duplex jobs jam on the HP on the second floor."),
  t(48204, "VPN disconnects every 30 minutes", "fabrikam", 1, H.inProgress, P.high, "ssenior", ["ssenior", "jjunior"], "Remote dispatchers lose the VPN every half hour.", "Suspect the IKE rekey timer; comparing with the firewall config."),
  t(48205, "Password reset for front desk account", "northwind", 1, H.resolved, P.normal, "jjunior", [], "Front desk is locked out of their account."),
  t(48206, "Teams calls drop audio after 10 minutes", "woodgrove", 1, H.new, P.high, null, [], "Audio drops on Teams calls after about ten minutes."),
  t(48207, "QuickBooks company file won't open over network", "litware", 1, H.inProgress, P.normal, "pnguyen", ["pnguyen"], "QuickBooks says the company file is in use or unavailable."),
  t(48208, "Request: add user to Finance security group", "contoso", 1, H.closed, P.low, "aadmin", [], "Please add the new controller to the Finance group."),
  t(48209, "Scanner to email stopped working", "obrien", 1, H.new, P.normal, null, [], "The copier can no longer scan to email since Tuesday."),
  t(48210, "Local admin locked out of a kiosk PC", "contoso", 1, H.new, P.high, null, [], "The local admin password on the lobby kiosk no longer works and LAPS shows nothing."),
  t(48211, "Outlook search returns no results", "adventureWorks", 1, H.waitingOnCustomer, P.normal, "jjunior", ["jjunior"], "Search in Outlook finds nothing, even for today's mail."),
  t(48212, "Wi-Fi slow in conference room B", "tailspin", 1, H.inProgress, P.normal, "tlee", ["tlee", "pnguyen"], "Wi-Fi crawls in conference room B during meetings."),
  t(48213, "BitLocker recovery key requested at boot", "northwind", 1, H.escalated, P.high, "ssenior", ["ssenior"], "A hygienist's laptop asks for the BitLocker recovery key every boot.", "TPM cleared by a BIOS update; key found in Entra ID."),
  t(48214, "OneDrive sync stuck on 'Processing changes'", "fabrikam", 1, H.new, P.normal, null, [], "OneDrive has shown 'Processing changes' for two days."),
  t(48215, "New phone extension for reception", "woodgrove", 1, H.resolved, P.low, "pnguyen", [], "Reception needs a second extension."),
  t(48216, "Monitor flickers when docked", "litware", 1, H.inProgress, P.low, "jjunior", ["jjunior"], "The external monitor flickers only when the laptop is docked."),
  t(48217, "MFA prompts not arriving on new phone", "contoso", 1, H.new, P.high, null, [], "An associate moved to a new phone and gets no Authenticator prompts."),
  t(48218, "Label printer driver install", "obrien", 1, H.waitingOnCustomer, P.low, "tlee", [], "The warehouse label printer needs its driver on the new PC."),
  t(48219, "Remove departed employee's access", "adventureWorks", 1, H.inProgress, P.high, "aadmin", ["aadmin", "ssenior"], "An employee left today; remove all access and forward mail."),
  t(48220, "Calendar invites arrive as winmail.dat", "northwind", 1, H.new, P.normal, null, [], "External partners receive our invites as winmail.dat attachments."),
  t(48221, "File share permissions for Projects folder", "fabrikam", 1, H.escalated, P.normal, "ssenior", ["ssenior", "jjunior"], "Project managers can't write to \\\\fs01\\Projects.", "Inheritance broken on the share root."),
  t(48222, "Browser homepage hijacked", "tailspin", 1, H.closed, P.normal, "jjunior", [], "Chrome opens a search page nobody set."),
  t(48223, "Dental imaging software can't reach the database", "northwind", 1, H.inProgress, P.critical, "ssenior", ["ssenior"], "Imaging stations show 'database unavailable'; patients are waiting."),
  t(48224, "Email signature update for all staff", "contoso", 1, H.waitingOnCustomer, P.low, "pnguyen", ["pnguyen"], "Marketing wants the new logo in every signature."),
  t(48225, "Laptop battery drains overnight", "litware", 1, H.new, P.low, null, [], "A laptop is flat every morning even when shut."),
  t(48226, "Cannot print PDFs from Edge", "woodgrove", 1, H.inProgress, P.normal, "tlee", ["tlee"], "Printing a PDF from Edge produces blank pages."),
  t(48227, "Backup job failed on file server", "fabrikam", 1, H.new, P.critical, null, [], "Last night's backup of FS01 failed with VSS errors."),
  t(48228, "Replace failing UPS battery", "adventureWorks", 1, H.waitingOnCustomer, P.normal, "oowner", ["oowner"], "The server room UPS reports a failing battery."),
  t(48229, "Website contact form emails not delivered", "obrien", 1, H.new, P.normal, null, [], "Contact form submissions stopped arriving."),
  t(48230, "Set up conference room display", "tailspin", 1, H.resolved, P.low, "tlee", [], "Install and configure the new display in the boardroom."),
  t(48231, "Excel crashes opening large workbook", "contoso", 1, H.inProgress, P.normal, "jjunior", ["jjunior", "tlee"], "Excel crashes opening the 80 MB billing workbook."),
  t(48232, "Door access badge reader offline", "litware", 1, H.new, P.high, null, [], "The badge reader at the side entrance shows offline."),
  t(48233, "Outlook prompts for a password every few minutes", "northwind", 1, H.inProgress, P.high, "jjunior", ["jjunior"], "Since Monday, Outlook on the front desk PCs keeps asking for the password every few minutes.\nOWA works fine.", "Checked credential manager; stale entries removed on one PC, still prompting."),
  t(48234, "Guest Wi-Fi password rotation", "woodgrove", 1, H.new, P.low, null, [], "Rotate the guest Wi-Fi password for the quarter."),
  t(48240, "Exchange hybrid mail flow delays", "contoso", 2, E.escalated, P.critical, "ssenior", ["ssenior", "aadmin"], "Mail between on-prem and Exchange Online is delayed by hours.", "Connector certificate near expiry; queue building on the hybrid server."),
  t(48241, "Firewall firmware upgrade broke site-to-site VPN", "fabrikam", 2, E.inProgress, P.critical, "ssenior", ["ssenior"], "After last night's firmware upgrade the warehouse tunnel is down."),
  t(48242, "Ransomware alert on workstation WS-114", "northwind", 2, E.new, P.critical, null, [], "EDR flagged ransomware behaviour on WS-114; the machine is isolated."),
  t(48243, "SQL Server performance degraded after patching", "litware", 2, E.escalated, P.high, "aadmin", ["aadmin"], "The ERP database is slow since the cumulative update."),
  t(48244, "Domain controller replication errors", "adventureWorks", 2, E.resolved, P.high, "ssenior", [], "DC02 stopped replicating with DC01."),
  t(48245, "Intune enrollment fails for new iPads", "tailspin", 2, E.new, P.normal, null, [], "New iPads fail enrollment with a profile installation error."),
  t(48246, "Email spoofing of CEO's address", "woodgrove", 2, E.closed, P.high, "ssenior", [], "Staff received invoices 'from the CEO'."),
  t(48251, "Azure AD Connect sync failing after certificate renewal", "fabrikam", 2, E.escalated, P.high, "ssenior", ["ssenior", "jjunior"], "Directory sync has failed since the certificate was renewed on Friday.", "Sync service account can't read the new certificate's private key."),
];

/** Ticket ids by what the demo and the tests talk about. */
export const SIM_TICKETS = {
  outlookPasswordPrompts: 48233,
  azureAdConnectSync: 48251,
  kioskLocalAdmin: 48210,
  /** Help Desk, In Progress, owner ssenior, co-assigned jjunior. */
  vpnDisconnects: 48204,
  /** Help Desk, closed (Resolved). */
  resolvedPasswordReset: 48205,
  /** Escalations board, New, unassigned. */
  ransomwareAlert: 48242,
  /** Inactive Legacy Projects board. */
  legacyFaxServer: 48191,
} as const;

/** When each seeded ticket was entered: a fixed timeline, one hour apart, oldest first. */
export function seedTicketDate(index: number): string {
  return new Date(Date.UTC(2026, 10, 2, 8, 0, 0) + index * 3_600_000).toISOString().replace(".000Z", "Z");
}

export const seedCompanyFor = (ticket: SeedTicket) => SIM_COMPANIES[ticket.company];
export const seedMemberFor = (key: SimMemberKey) => SIM_MEMBERS[key];
