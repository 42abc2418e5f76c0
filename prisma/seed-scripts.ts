import type { Tx } from "@/lib/db";
import { parametersSchemaInput } from "@/lib/scripts/parameter-schema";
import { insertScriptTemplate } from "@/lib/scripts/templates/insert-template";
import { demoAccount, demoSessions, demoUsers } from "./seed-data";

/**
 * The demo team's script library (H1): five categories and six templates with real bodies, each
 * written through the service (version-1 row included). Placeholders are bare: rendering writes
 * each value as a PowerShell literal (text single-quoted, $true/$false, numbers). The password reset
 * came out of the seeded resolved kiosk session, so it carries that session's provenance.
 */

const categories = {
  identity: { name: "Identity & access", description: "Accounts, passwords and sign-in methods." },
  office: { name: "Email & Office", description: "Outlook, Microsoft 365 apps and their sign-in." },
  printing: { name: "Printing", description: "Print servers, queues and drivers." },
  endpoint: { name: "Endpoint maintenance", description: "Keeping workstations healthy: disk, updates, caches." },
  networking: { name: "Networking", description: "DNS, DHCP and connectivity checks." },
} as const;

type CategoryKey = keyof typeof categories;

type SeedTemplate = {
  key: string;
  category: CategoryKey;
  name: string;
  description: string;
  body: string;
  parameters: unknown[];
  fromResolvedSession?: boolean;
};

const templates: SeedTemplate[] = [
  {
    key: "officeCredentials",
    category: "office",
    name: "Clear cached Office credentials",
    description:
      "Removes the Microsoft 365 sign-in entries Credential Manager holds for the signed-in user, so Outlook asks once and stores a fresh token. Run it in the user's own session: credentials are per user.",
    body: [
      "$restartOutlook = {{restart_outlook}}",
      "$targets = cmdkey /list |",
      "  Select-String -Pattern '^\\s*Target:\\s*(.+)$' |",
      "  ForEach-Object { $_.Matches[0].Groups[1].Value.Trim() } |",
      "  Where-Object { $_ -match 'MicrosoftOffice1[56]|msteams|OneDrive Cached Credential' }",
      "if (-not $targets) { Write-Output 'No cached Office credentials found.' }",
      "foreach ($target in $targets) {",
      "  cmdkey /delete:$target | Out-Null",
      '  Write-Output "Removed $target"',
      "}",
      "if ($restartOutlook) {",
      "  Get-Process -Name OUTLOOK -ErrorAction SilentlyContinue | Stop-Process -Force",
      "  Start-Process outlook.exe",
      "}",
    ].join("\n"),
    parameters: [
      { name: "restart_outlook", label: "Restart Outlook afterwards", type: "boolean", required: false, default: true, description: "Closes Outlook and opens it again so it signs in at once." },
    ],
  },
  {
    key: "printSpooler",
    category: "printing",
    name: "Restart a stuck print spooler",
    description: "Stops the spooler on a print server, deletes the jobs stuck in the queue and starts it again.",
    body: [
      "$computer = {{computer_name}}",
      "$clearQueue = {{clear_queue}}",
      "Invoke-Command -ComputerName $computer -ArgumentList $clearQueue -ScriptBlock {",
      "  param($clearQueue)",
      "  Stop-Service -Name Spooler -Force",
      "  if ($clearQueue) {",
      '    Remove-Item -Path "$env:SystemRoot\\System32\\spool\\PRINTERS\\*" -Force -ErrorAction SilentlyContinue',
      "  }",
      "  Start-Service -Name Spooler",
      "  Get-Service -Name Spooler | Select-Object Name, Status",
      "}",
    ].join("\n"),
    parameters: [
      { name: "computer_name", label: "Print server", type: "text", description: "The host name of the server holding the queue." },
      { name: "clear_queue", label: "Delete stuck jobs", type: "boolean", required: false, default: true, description: "Users will need to print those documents again." },
    ],
  },
  {
    key: "mfaReset",
    category: "identity",
    name: "Reset a user's MFA registration",
    description:
      "Removes a user's registered authentication methods (their password stays) and signs them out everywhere, so they register MFA again at the next sign-in. Needs Microsoft Graph PowerShell with UserAuthenticationMethod.ReadWrite.All.",
    body: [
      "Connect-MgGraph -Scopes 'UserAuthenticationMethod.ReadWrite.All', 'User.RevokeSessions.All' -NoWelcome",
      "$userId = {{user_principal_name}}",
      "foreach ($method in Get-MgUserAuthenticationMethod -UserId $userId) {",
      "  switch ($method.AdditionalProperties['@odata.type']) {",
      "    '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod' { Remove-MgUserAuthenticationMicrosoftAuthenticatorMethod -UserId $userId -MicrosoftAuthenticatorAuthenticationMethodId $method.Id }",
      "    '#microsoft.graph.phoneAuthenticationMethod' { Remove-MgUserAuthenticationPhoneMethod -UserId $userId -PhoneAuthenticationMethodId $method.Id }",
      "    '#microsoft.graph.softwareOathAuthenticationMethod' { Remove-MgUserAuthenticationSoftwareOathMethod -UserId $userId -SoftwareOathAuthenticationMethodId $method.Id }",
      "    '#microsoft.graph.fido2AuthenticationMethod' { Remove-MgUserAuthenticationFido2Method -UserId $userId -Fido2AuthenticationMethodId $method.Id }",
      "    '#microsoft.graph.emailAuthenticationMethod' { Remove-MgUserAuthenticationEmailMethod -UserId $userId -EmailAuthenticationMethodId $method.Id }",
      "  }",
      "}",
      "Revoke-MgUserSignInSession -UserId $userId | Out-Null",
      'Write-Output "MFA methods cleared for $userId; they will be asked to register at the next sign-in."',
    ].join("\n"),
    parameters: [
      { name: "user_principal_name", label: "User (UPN)", type: "text", description: "The user's sign-in name, e.g. their email address." },
    ],
  },
  {
    key: "flushDns",
    category: "networking",
    name: "Flush DNS and re-register",
    description: "Clears the resolver cache, re-registers this machine's DNS records and checks that a name resolves again.",
    body: [
      "Clear-DnsClientCache",
      "Register-DnsClient",
      "Resolve-DnsName -Name {{hostname}} -DnsOnly | Select-Object Name, Type, IPAddress",
    ].join("\n"),
    parameters: [
      { name: "hostname", label: "Host to resolve", type: "text", default: "outlook.office365.com", description: "A name the user could not reach." },
    ],
  },
  {
    key: "freeDiskSpace",
    category: "endpoint",
    name: "Free disk space on the system drive",
    description: "Deletes old temp files and the Windows Update download cache, optionally empties the recycle bin, and reports the space freed.",
    body: [
      "$daysOld = {{days_old}}",
      "$emptyRecycleBin = {{empty_recycle_bin}}",
      "$before = (Get-PSDrive -Name C).Free",
      "$cutoff = (Get-Date).AddDays(-$daysOld)",
      "foreach ($path in @(\"$env:SystemRoot\\Temp\", 'C:\\Users\\*\\AppData\\Local\\Temp')) {",
      "  Get-ChildItem -Path $path -Recurse -Force -File -ErrorAction SilentlyContinue |",
      "    Where-Object { $_.LastWriteTime -lt $cutoff } |",
      "    Remove-Item -Force -ErrorAction SilentlyContinue",
      "}",
      "Stop-Service -Name wuauserv -Force",
      'Remove-Item -Path "$env:SystemRoot\\SoftwareDistribution\\Download\\*" -Recurse -Force -ErrorAction SilentlyContinue',
      "Start-Service -Name wuauserv",
      "if ($emptyRecycleBin) { Clear-RecycleBin -DriveLetter C -Force -ErrorAction SilentlyContinue }",
      "$after = (Get-PSDrive -Name C).Free",
      "'Freed {0:N1} GB; {1:N1} GB free now.' -f (($after - $before) / 1GB), ($after / 1GB)",
    ].join("\n"),
    parameters: [
      { name: "days_old", label: "Delete temp files older than (days)", type: "number", default: 7 },
      { name: "empty_recycle_bin", label: "Empty the recycle bin", type: "boolean", required: false, default: false, description: "Ask the user first: it can't be undone." },
    ],
  },
  {
    key: "localPassword",
    category: "identity",
    name: "Reset a local account password",
    description: "Sets a new password on a local Windows account and clears its lockout, e.g. a kiosk's local admin.",
    body: [
      "$username = {{username}}",
      "$password = ConvertTo-SecureString -String {{new_password}} -AsPlainText -Force",
      "Set-LocalUser -Name $username -Password $password",
      "# A locked-out local account stays locked after a reset until its lockout flag is cleared.",
      "Get-CimInstance -ClassName Win32_UserAccount -Filter \"LocalAccount = True AND Name = '$username'\" |",
      "  Set-CimInstance -Property @{ Lockout = $false }",
      'Write-Output "Password reset and account unlocked: $username"',
    ].join("\n"),
    parameters: [
      { name: "username", label: "Account name", type: "text", default: "kiosk-admin" },
      { name: "new_password", label: "New password", type: "secret", description: "Give it to the user by phone, never in the ticket." },
    ],
    fromResolvedSession: true,
  },
];

export type SeededLibrary = { templates: Record<string, string> };

/** Writes the demo library into the demo account; call once, after the demo sessions exist. */
export async function seedScriptLibrary(tx: Tx): Promise<SeededLibrary> {
  const accountId = demoAccount.id;
  const categoryIds = {} as Record<CategoryKey, string>;
  for (const [key, category] of Object.entries(categories) as [CategoryKey, (typeof categories)[CategoryKey]][]) {
    categoryIds[key] = (await tx.scriptCategory.create({ data: { accountId, ...category } })).id;
  }
  const ids: Record<string, string> = {};
  for (const template of templates) {
    const { id } = await insertScriptTemplate(tx, {
      accountId,
      createdById: demoUsers.senior.id,
      name: template.name,
      description: template.description,
      language: "powershell",
      body: template.body,
      parameters: parametersSchemaInput.parse(template.parameters),
      categoryId: categoryIds[template.category],
      source: template.fromResolvedSession
        ? { sessionId: demoSessions.resolved, userId: demoUsers.junior.id, ticketRef: "CW #48210" }
        : null,
    });
    ids[template.key] = id;
  }
  return { templates: ids };
}
