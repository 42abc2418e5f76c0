/**
 * L2: what a KB article hides by default. Customer (company) names, user names, emails, hostnames
 * and IP addresses found in a session's facts are replaced by placeholders ("[customer]",
 * "[host 1]") wherever they occur; the editor may keep any of them, which swaps the placeholder
 * back for the value. Pure string work: toggling an item re-renders without a model call.
 */

export const redactionKinds = ["customer", "user", "email", "host", "ip"] as const;
export type RedactionKind = (typeof redactionKinds)[number];

export type Redaction = { kind: RedactionKind; value: string; placeholder: string; keep: boolean };

/** Where values are looked for: the company on the session, and the texts (facts, title, fix, scripts). */
export type RedactionSource = { companyName: string | null; texts: string[] };

const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
const IPV4 = /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g;
/** Dotted names ending in a top-level domain people use for hosts: fs01.contoso.local, mail.example.co.uk. */
const FQDN =
  /\b(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:com|net|org|local|lan|corp|internal|intra|home|io|co|biz|info|edu|gov|uk|us|ca|au|nz|ie|de|fr|nl|be|ch|at|se|no|dk|fi|it|es|pt|pl|cz|eu|in|jp|za|br|mx)\b/gi;
/** NetBIOS-style machine names: DC01, SRV-FS02, LAPTOP-7QK2M. Upper case with a digit. */
const MACHINE = /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*\b/g;
/** "on host web3", "server: fileserver", "computer name PC-114". */
const NAMED_HOST = /\b(?:host(?:name)?|server|computer|machine|workstation|laptop|desktop|device|PC)(?:\s+name)?\s*[:=]?\s+["']?([A-Za-z][A-Za-z0-9-]{1,62})\b/gi;
/** DOMAIN\user, user@ is an email; "user jsmith", "username: j.doe", "contact Jane Doe". */
const DOMAIN_USER = /\b[A-Za-z][A-Za-z0-9-]{1,14}\\([A-Za-z][A-Za-z0-9._-]{1,63})\b/g;
// Case spelled out rather than /i, so "Jane Doe" takes its surname and "jsmith reports" does not.
const NAMED_USER = /\b(?:[Uu]ser(?:[Nn]ame)?|[Aa]ccount|[Ll]ogin|UPN|[Cc]ontact|[Ee]mployee|[Cc]aller)\s*[:=]?\s+["']?([A-Za-z][A-Za-z0-9._-]{1,63}(?: [A-Z][a-z]+)?)\b/g;
/** Mailboxes that name a role, not a person. */
const ROLE_MAILBOX = /^(?:admin|administrator|support|helpdesk|service|info|noreply|no-reply|postmaster|it|office|billing|sales)$/i;

/** Public vendors' domains and file names that look like hostnames but say nothing about a customer. */
const PUBLIC_DOMAIN = /(?:^|\.)(?:microsoft\.com|microsoftonline\.com|office\.com|office365\.com|outlook\.com|live\.com|windows\.net|windows\.com|azure\.com|google\.com|googleapis\.com|apple\.com|github\.com|example\.com|example\.org|example\.net)$/i;
const FILE_SUFFIX = /\.(?:exe|dll|msi|ps1|psm1|psd1|bat|cmd|sh|py|js|ts|json|xml|ini|cfg|conf|log|txt|csv|ost|pst|evtx|reg|zip|cab|sys|inf|html?|md)$/i;
/** Upper-case tokens with a digit that are not machines: updates, versions, error codes. */
const NOT_A_MACHINE = /^(?:KB\d+|[MO]365|RAID\d+|DDR\d|CVE-.*|TLS\d.*|SSL\d.*|HTTP\d?|IPV[46]|X64|X86|ARM64|WIN\d+|W\d+|SMB\d|SHA\d+|MD5|AES\d*|RC\d+|E\d{3,}|V\d+)$/;
/** Words a "user …" or "server …" pattern catches that are not names. */
const COMMON_WORDS = new Set(
  "is was has had can cannot can't could should would will does did not no the a an and or of for to in on at by from with that this it its reports reported says said gets got sees saw locked disabled enabled deleted created profile profiles account accounts name names password passwords settings mailbox mailboxes logs login logon logged sign signs signed side certificate certificates is's are were be been being his her their them they we our your my me manager admin administrator support service services".split(" "),
);

type Found = { kind: RedactionKind; value: string };

function matches(pattern: RegExp, text: string, group = 0): string[] {
  return [...text.matchAll(pattern)].map((match) => match[group]).filter((value): value is string => Boolean(value));
}

function looksLikeName(value: string): boolean {
  const first = value.split(/\s/)[0]!;
  return value.length >= 2 && !COMMON_WORDS.has(first.toLowerCase());
}

function findIn(text: string): Found[] {
  const emails = matches(EMAIL, text);
  const withoutEmails = emails.reduce((rest, email) => rest.split(email).join(" "), text);
  const found: Found[] = emails.map((value) => ({ kind: "email", value }));
  const mailboxes = emails.map((email) => email.split("@")[0]!).filter((local) => local.length >= 3 && !ROLE_MAILBOX.test(local));
  found.push(...mailboxes.map((value) => ({ kind: "user" as const, value })));
  found.push(...matches(IPV4, withoutEmails).map((value) => ({ kind: "ip" as const, value })));
  const dotted = matches(FQDN, withoutEmails).filter((name) => !PUBLIC_DOMAIN.test(name) && !FILE_SUFFIX.test(name));
  found.push(...dotted.map((value) => ({ kind: "host" as const, value })));
  const machines = matches(MACHINE, withoutEmails).filter((token) => token.length >= 3 && /\d/.test(token) && /[A-Z]/.test(token) && !NOT_A_MACHINE.test(token));
  const namedHosts = matches(NAMED_HOST, withoutEmails, 1).filter((token) => looksLikeName(token) && /[\d-]|^[A-Z0-9-]+$/.test(token));
  found.push(...[...machines, ...namedHosts].map((value) => ({ kind: "host" as const, value })));
  const users = [...matches(DOMAIN_USER, withoutEmails, 1), ...matches(NAMED_USER, withoutEmails, 1)].filter(looksLikeName);
  found.push(...users.map((value) => ({ kind: "user" as const, value })));
  return found;
}

const LABEL: Record<RedactionKind, string> = { customer: "customer", user: "user", email: "email", host: "host", ip: "IP" };

/**
 * The values to redact in `source`, each once (case-insensitively), with a placeholder per kind
 * and number ("[customer]" when there is one customer, "[host 1]", "[host 2]", …). None are kept.
 */
export function findRedactions(source: RedactionSource): Redaction[] {
  const found: Found[] = [];
  const company = source.companyName?.trim();
  if (company && company.length >= 2) found.push({ kind: "customer", value: company });
  for (const text of source.texts) found.push(...findIn(text));

  const seen = new Set<string>();
  const unique = found.filter(({ value }) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return redactionKinds.flatMap((kind) => {
    const ofKind = unique.filter((item) => item.kind === kind);
    return ofKind.map(({ value }, index) => ({
      kind,
      value,
      placeholder: ofKind.length === 1 ? `[${LABEL[kind]}]` : `[${LABEL[kind]} ${index + 1}]`,
      keep: false,
    }));
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One pattern for several literal strings, longest first so "contoso.com" never eats "mail.contoso.com". */
function alternation(literals: string[], flags: string): RegExp | null {
  const sorted = [...new Set(literals)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return null;
  // Word edges only where the literal itself starts or ends with a word character.
  const parts = sorted.map((literal) => `${/^\w/.test(literal) ? "(?<![\\w.-])" : ""}${escapeRegExp(literal)}${/\w$/.test(literal) ? "(?![\\w-])" : ""}`);
  return new RegExp(parts.join("|"), flags);
}

/** Every redacted value in `text` replaced by its placeholder, kept or not: the article's neutral form. */
export function concealAll(text: string, redactions: Redaction[]): string {
  const pattern = alternation(redactions.map((item) => item.value), "gi");
  if (!pattern) return text;
  const byValue = new Map(redactions.map((item) => [item.value.toLowerCase(), item.placeholder]));
  return text.replace(pattern, (match) => byValue.get(match.toLowerCase()) ?? match);
}

/** The placeholders of kept items in `text` put back to their values. */
export function revealKept(text: string, redactions: Redaction[]): string {
  const kept = redactions.filter((item) => item.keep);
  const pattern = alternation(kept.map((item) => item.placeholder), "g");
  if (!pattern) return text;
  const byPlaceholder = new Map(kept.map((item) => [item.placeholder, item.value]));
  return text.replace(pattern, (match) => byPlaceholder.get(match) ?? match);
}

/** `text` as the article shows it: every value concealed, then the kept ones revealed. */
export function applyRedactions(text: string, redactions: Redaction[]): string {
  return revealKept(concealAll(text, redactions), redactions);
}

/** The same items with `keep` set from the placeholders listed in `kept`. */
export function withKept(redactions: Redaction[], kept: readonly string[]): Redaction[] {
  const keep = new Set(kept);
  return redactions.map((item) => ({ ...item, keep: keep.has(item.placeholder) }));
}

/** Reads the stored JSON back, dropping anything malformed: redaction must not be the thing that throws. */
export function parseRedactions(json: unknown): Redaction[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (item): item is Redaction =>
      Boolean(item) &&
      typeof item === "object" &&
      redactionKinds.includes((item as Redaction).kind) &&
      typeof (item as Redaction).value === "string" &&
      typeof (item as Redaction).placeholder === "string" &&
      typeof (item as Redaction).keep === "boolean",
  );
}
