import Bowser from "bowser";

/** A sign-in's browser as a person recognises it ("Chrome 156 on Linux"), from its User-Agent. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name;
  if (!browser) return "Unknown browser";
  const major = parsed.browser.version?.split(".")[0];
  const os = parsed.os.name;
  return `${browser}${major ? ` ${major}` : ""}${os ? ` on ${os}` : ""}`;
}
