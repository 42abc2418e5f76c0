/**
 * Recursive-descent parser for `conditions`: SQL precedence (`not` > `and` > `or`), parentheses,
 * comparisons `path op literal`, `[not] like|contains|in`. The left side is always a field path
 * and the right side always a literal, so quoted text can never turn into syntax.
 */
import { conditionsError, LITERAL_HINT, tokenize, type Token } from "./conditions-lexer";

export type Literal =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "null" }
  | { kind: "datetime"; value: number; raw: string };

export type ComparisonOp = "=" | "!=" | "<" | "<=" | ">" | ">=" | "like" | "contains" | "in";

export type Condition =
  | { type: "and" | "or"; left: Condition; right: Condition }
  | { type: "not"; operand: Condition }
  | { type: "compare"; path: string; op: ComparisonOp; negated: boolean; value: Literal | Literal[] };

/** Parses a conditions string; throws a 400 `ApiFindCondition` for anything malformed. */
export function parseConditions(source: string): Condition {
  const tokens = tokenize(source);
  let index = 0;
  const peek = () => tokens[index]!;
  const next = () => tokens[index++]!;
  const isKeyword = (token: Token, word: string) => token.kind === "keyword" && token.text === word;
  const describe = (token: Token) => (token.kind === "end" ? "the end of the conditions" : `'${token.kind === "string" ? `"${token.text}"` : token.text}' at position ${token.at}`);

  const parseOr = (): Condition => {
    let left = parseAnd();
    while (isKeyword(peek(), "or")) {
      next();
      left = { type: "or", left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): Condition => {
    let left = parseNot();
    while (isKeyword(peek(), "and")) {
      next();
      left = { type: "and", left, right: parseNot() };
    }
    return left;
  };
  const parseNot = (): Condition => {
    if (isKeyword(peek(), "not")) {
      next();
      return { type: "not", operand: parseNot() };
    }
    return parsePrimary();
  };
  const parsePrimary = (): Condition => {
    const token = peek();
    if (token.kind === "punct" && token.text === "(") {
      next();
      const inner = parseOr();
      const close = next();
      if (!(close.kind === "punct" && close.text === ")")) throw conditionsError(`Expected ')' but found ${describe(close)}.`);
      return inner;
    }
    if (token.kind !== "path") throw conditionsError(`Expected a field name but found ${describe(token)}. ${LITERAL_HINT}`);
    next();
    return parseComparison(token.text);
  };
  const parseComparison = (path: string): Condition => {
    let negated = false;
    if (isKeyword(peek(), "not")) {
      next();
      negated = true;
    }
    const token = next();
    if (token.kind === "op" && !negated) return { type: "compare", path, op: token.text, negated, value: parseLiteral() };
    if (token.kind === "keyword" && (token.text === "like" || token.text === "contains")) return { type: "compare", path, op: token.text, negated, value: parseLiteral() };
    if (token.kind === "keyword" && token.text === "in") return { type: "compare", path, op: "in", negated, value: parseList() };
    throw conditionsError(`Expected an operator (=, !=, <, <=, >, >=, like, contains, in) after '${path}' but found ${describe(token)}.`);
  };
  const parseList = (): Literal[] => {
    const open = next();
    if (!(open.kind === "punct" && open.text === "(")) throw conditionsError(`Expected '(' after 'in' but found ${describe(open)}.`);
    const values = [parseLiteral()];
    for (;;) {
      const token = next();
      if (token.kind === "punct" && token.text === ")") return values;
      if (!(token.kind === "punct" && token.text === ",")) throw conditionsError(`Expected ',' or ')' in the 'in' list but found ${describe(token)}.`);
      values.push(parseLiteral());
    }
  };
  const parseLiteral = (): Literal => {
    const token = next();
    switch (token.kind) {
      case "string":
        return { kind: "string", value: token.text };
      case "number":
        return { kind: "number", value: token.value };
      case "datetime": {
        const value = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(token.text) ? `${token.text}T00:00:00Z` : token.text);
        if (Number.isNaN(value)) throw conditionsError(`'[${token.text}]' is not a valid DateTime value; use [yyyy-MM-ddTHH:mm:ssZ].`);
        return { kind: "datetime", value, raw: token.text };
      }
      case "keyword":
        if (token.text === "true" || token.text === "false") return { kind: "boolean", value: token.text === "true" };
        if (token.text === "null") return { kind: "null" };
        break;
      default:
        break;
    }
    throw conditionsError(`Expected a value but found ${describe(token)}. ${LITERAL_HINT}`);
  };

  const condition = parseOr();
  const rest = peek();
  if (rest.kind !== "end") throw conditionsError(`Unexpected ${describe(rest)}: expected 'and', 'or' or the end of the conditions.`);
  return condition;
}
