import { isClosingLine, mayBecomeOpeningLine, openingMarker, type MarkerName } from "@/lib/ai/marker-syntax";

export type ProseStreamFilter = {
  /** Takes the next text delta; returns the prose that is now safe to show (maybe ""). */
  push(delta: string): string;
  /** Ends the stream; returns whatever prose was still held back. */
  flush(): string;
};

const isSpace = (char: string) => char.trim() === "";

/**
 * Filters a streamed reply down to its prose, so the page never shows marker JSON (B2). Works line
 * by line like `parseMarkers`: the start of a line (its leading spaces and anything from a `[`
 * that could still become an opening tag line) is held back until it can tell; a block is
 * swallowed up to its closing line (or the next opening line, as the parser does for an unclosed
 * block). Blank lines and trailing spaces are held until more prose follows, so everything
 * emitted, concatenated, equals `parseMarkers(reply).prose`.
 */
export function createProseStreamFilter(): ProseStreamFilter {
  let mode: "line-start" | "prose" | "block" = "line-start";
  let line = ""; // line-start / block: the current line so far; prose: its held trailing spaces
  let block: MarkerName | null = null;
  let separator = ""; // line breaks (and trailing spaces) owed before the next visible prose
  let blankOwed = false;
  let emittedAny = false;
  let afterCarriageReturn = false;
  let out = "";

  function emit(text: string) {
    if (!emittedAny) {
      out += text.trimStart();
      emittedAny = true;
    } else {
      out += separator + text;
    }
    separator = "";
    blankOwed = false;
  }

  /** A line was decided to be prose: show it, holding back its trailing spaces. */
  function startProse(text: string) {
    const content = text.trimEnd();
    emit(content);
    line = text.slice(content.length);
    mode = "prose";
  }

  function endLine() {
    if (mode === "prose") {
      separator += `${line}\n`;
    } else if (mode === "block") {
      if (block && isClosingLine(line, block)) {
        block = null;
        mode = "line-start";
      } else {
        block = openingMarker(line) ?? block;
      }
    } else {
      const name = openingMarker(line);
      if (name) {
        block = name;
        mode = "block";
      } else if (line.trim() === "") {
        if (emittedAny && !blankOwed) {
          separator += "\n";
          blankOwed = true;
        }
      } else {
        // Held to the end (e.g. "[QUESTION"): it was prose after all.
        startProse(line);
        separator += `${line}\n`;
      }
    }
    line = "";
    if (mode === "prose") mode = "line-start";
  }

  function take(char: string) {
    if (char === "\n") return endLine();
    if (mode === "block") {
      line += char;
    } else if (mode === "prose") {
      if (isSpace(char)) line += char;
      else {
        emit(line + char);
        line = "";
      }
    } else {
      line += char;
      const start = line.trimStart();
      if (start !== "" && !mayBecomeOpeningLine(start)) startProse(line);
    }
  }

  function push(delta: string): string {
    out = "";
    for (const char of delta) {
      // "\r\n" and a lone "\r" are line breaks, as in parseMarkers, even across deltas.
      if (afterCarriageReturn && char === "\n") {
        afterCarriageReturn = false;
        continue;
      }
      afterCarriageReturn = char === "\r";
      take(char === "\r" ? "\n" : char);
    }
    return out;
  }

  function flush(): string {
    out = "";
    if (mode === "line-start" && line.trim() !== "" && !openingMarker(line)) startProse(line);
    line = "";
    mode = "line-start";
    block = null;
    return out;
  }

  return { push, flush };
}
