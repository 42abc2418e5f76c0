const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

/**
 * The fake's own sign-in page (oidc-provider's dev pages are off): an email, an optional display
 * name, and whether the id token leaves `email` out, as Entra does for accounts without a mailbox.
 */
export function renderLoginPage(options: { action: string; clientId: string; error?: string; email?: string }): string {
  const error = options.error ? `<p role="alert">${escapeHtml(options.error)}</p>` : "";
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in to your account</title></head>
<body>
  <main>
    <h1>Sign in to your account</h1>
    <p>Fake Microsoft Entra ID, signing in to ${escapeHtml(options.clientId)}.</p>
    ${error}
    <form method="post" action="${escapeHtml(options.action)}">
      <p><label>Email <input type="email" name="email" autocomplete="username" required value="${escapeHtml(options.email ?? "")}"></label></p>
      <p><label>Display name <input type="text" name="name" autocomplete="name"></label></p>
      <p><label><input type="checkbox" name="omit_email" value="1"> No email claim (the UPN only)</label></p>
      <p><button type="submit">Sign in</button></p>
    </form>
  </main>
</body>
</html>`;
}
