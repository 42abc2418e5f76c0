import { placeholderAt, siteAt, textOf, type Dialect, type Site } from "@/lib/scripts/generate/dialects/dialect";

/*
 * cmd.exe batch files. cmd has no quoting that holds everywhere (% expands even inside quotes, a
 * caret's meaning depends on quote state and on `call`), so instead of escaping, a value holding
 * any of & | < > ^ % ! " ( ), a line break or a control character is refused. What remains can't
 * start a command, a redirection, a block or an expansion. Outside quotes the value is wrapped in
 * double quotes so it stays one argument; inside the template's own quotes it is copied as typed
 * (write `set "NAME={{name}}"` to get the bare value). Numbers and true/false are copied as typed.
 */

const METACHARACTERS = /[&|<>^%!"()\u0000-\u001f\u007f]/;

function scan(body: string): Site[] {
  const sites: Site[] = [];
  let quoted = false;
  for (let i = 0; i < body.length; i += 1) {
    const found = placeholderAt(body, i);
    if (found) {
      sites.push(siteAt(body, i, found, quoted ? "quoted" : "code"));
      i = found.end - 1;
    } else if (body[i] === "\n") quoted = false;
    else if (body[i] === '"') quoted = !quoted;
    else if (body[i] === "^" && !quoted) i += 1;
  }
  return sites;
}

export const cmd: Dialect = {
  extension: ".cmd",
  scan,
  place(value, _type, site) {
    const text = textOf(value, ["true", "false"]);
    if (METACHARACTERS.test(text)) {
      return { refused: 'can\'t contain & | < > ^ % ! " ( ), line breaks or control characters in a cmd script: cmd can\'t keep them from running as code.' };
    }
    const plain = typeof value === "number" || typeof value === "boolean";
    return { text: site.context === "quoted" || plain ? text : `"${text}"` };
  },
};
