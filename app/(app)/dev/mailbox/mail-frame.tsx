type Props = { subject: string; html: string };

/**
 * One mail's HTML in a sandboxed frame: no scripts and an opaque origin, so whatever a template
 * ever puts in a mail can't run in the app's origin or read its cookies. A person can still follow
 * the mail's links (into the whole tab, as from a mail client); nothing else leaves the frame.
 */
export function MailFrame({ subject, html }: Props) {
  return (
    <iframe
      title={`Mail: ${subject}`}
      sandbox="allow-top-navigation-by-user-activation"
      srcDoc={mailDocument(html)}
      className="mt-3 h-80 w-full resize-y overflow-auto rounded-md border border-slate-200 bg-[#ffffff]"
    />
  );
}

/**
 * Mail is written for a light page with its own inline colours, so it is shown on one whatever the
 * app's theme. The frame inherits the page's CSP: style attributes only, no <style> element.
 */
function mailDocument(html: string): string {
  return [
    `<!doctype html><html><head><meta charset="utf-8"><base target="_top"></head>`,
    `<body style="margin:0;padding:12px;background:#ffffff;color:#0f172a;color-scheme:light;overflow-wrap:anywhere">`,
    html,
    `</body></html>`,
  ].join("");
}
