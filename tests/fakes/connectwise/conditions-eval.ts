/**
 * Evaluates parsed conditions over serialized objects with SQL Server-like semantics: string
 * comparison is case-insensitive, a comparison against a null field is unknown (three-valued
 * logic), `like` takes `%`/`*` (any run), `_` (one character) and `[…]` sets (`[[]` is a literal
 * `[`). Fields and literal types are checked before any row is read, so a bad condition is a 400
 * even on an empty list.
 */
import { conditionsError, LITERAL_HINT } from "./conditions-lexer";
import { parseConditions, type Condition, type Literal } from "./conditions-parser";
import { readField, resolveField, type EntitySpec, type FieldType } from "./field-specs";

type Truth = boolean | null;
type Predicate = (row: unknown) => Truth;

/** Parses and type-checks `source` for `spec`; the predicate keeps rows whose condition is true. */
export function compileConditions(source: string | null | undefined, spec: EntitySpec): (row: unknown) => boolean {
  if (!source || !source.trim()) return () => true;
  const predicate = compile(parseConditions(source), spec);
  return (row) => predicate(row) === true;
}

function compile(condition: Condition, spec: EntitySpec): Predicate {
  switch (condition.type) {
    case "and": {
      const [left, right] = [compile(condition.left, spec), compile(condition.right, spec)];
      return (row) => and(left(row), right(row));
    }
    case "or": {
      const [left, right] = [compile(condition.left, spec), compile(condition.right, spec)];
      return (row) => or(left(row), right(row));
    }
    case "not": {
      const operand = compile(condition.operand, spec);
      return (row) => negate(operand(row));
    }
    case "compare":
      return compileComparison(condition, spec);
  }
}

const and = (a: Truth, b: Truth): Truth => (a === false || b === false ? false : a === null || b === null ? null : true);
const or = (a: Truth, b: Truth): Truth => (a === true || b === true ? true : a === null || b === null ? null : false);
const negate = (a: Truth): Truth => (a === null ? null : !a);

function compileComparison(condition: Extract<Condition, { type: "compare" }>, spec: EntitySpec): Predicate {
  const field = resolveField(spec, condition.path);
  if (!field) throw conditionsError(`Cannot find the field '${condition.path}' on ${spec.name}. Check the spelling and that the field can be used in conditions.`);
  const literals = Array.isArray(condition.value) ? condition.value : [condition.value];
  const { op } = condition;

  if (!Array.isArray(condition.value) && condition.value.kind === "null") {
    if (op !== "=" && op !== "!=") throw conditionsError(`The null value can only be compared with = or != (field '${condition.path}').`);
    return (row) => (readField(row, field.keys) === null) === (op === "=");
  }
  for (const literal of literals) checkLiteral(condition.path, field.type, literal);
  if ((op === "like" || op === "contains") && field.type !== "string") throw conditionsError(`The ${op} operator needs a string field; '${condition.path}' is not one.`);
  if (field.type === "boolean" && op !== "=" && op !== "!=" && op !== "in") throw conditionsError(`Boolean field '${condition.path}' can only be compared with = or !=.`);

  const test = comparator(op, field.type, literals);
  return (row) => {
    const value = readField(row, field.keys);
    if (value === null) return null;
    const result = test(value);
    return condition.negated ? !result : result;
  };
}

const KIND_BY_TYPE: Record<FieldType, Literal["kind"]> = { string: "string", number: "number", boolean: "boolean", date: "datetime" };
const KIND_WORD: Record<Literal["kind"], string> = { string: "string", number: "numeric", boolean: "boolean", datetime: "DateTime", null: "null" };

function checkLiteral(path: string, type: FieldType, literal: Literal) {
  if (literal.kind === "null") return;
  const expected = KIND_BY_TYPE[type];
  if (literal.kind !== expected) throw conditionsError(`Expected a ${KIND_WORD[expected]} value, not a ${KIND_WORD[literal.kind]}, for '${path}'. ${LITERAL_HINT}`);
}

/** One comparison on a non-null field value. */
function comparator(op: Extract<Condition, { type: "compare" }>["op"], type: FieldType, literals: Literal[]): (value: unknown) => boolean {
  const normalize = (value: unknown): string | number | boolean => {
    if (type === "string") return String(value).toLowerCase();
    if (type === "date") return Date.parse(String(value));
    return value as number | boolean;
  };
  const literalValue = (literal: Literal) => (literal.kind === "string" ? literal.value.toLowerCase() : literal.kind === "null" ? null : literal.value);
  const first = literals[0]!;
  switch (op) {
    case "in": {
      const set = literals.map(literalValue);
      return (value) => set.includes(normalize(value));
    }
    case "like": {
      const pattern = likePattern((first as Extract<Literal, { kind: "string" }>).value);
      return (value) => pattern.test(String(value));
    }
    case "contains": {
      const needle = (first as Extract<Literal, { kind: "string" }>).value.toLowerCase();
      return (value) => String(value).toLowerCase().includes(needle);
    }
    default: {
      const target = literalValue(first)!;
      return (value) => compare(op, normalize(value), target);
    }
  }
}

function compare(op: string, value: string | number | boolean, target: string | number | boolean): boolean {
  switch (op) {
    case "=":
      return value === target;
    case "!=":
      return value !== target;
    case "<":
      return value < target;
    case "<=":
      return value <= target;
    case ">":
      return value > target;
    default:
      return value >= target;
  }
}

/** SQL Server LIKE → an anchored, case-insensitive RegExp. `*` is CW's documented wildcard too. */
export function likePattern(pattern: string): RegExp {
  let source = "";
  for (let at = 0; at < pattern.length; at += 1) {
    const char = pattern[at]!;
    if (char === "%" || char === "*") source += "[\\s\\S]*";
    else if (char === "_") source += "[\\s\\S]";
    else if (char === "[") {
      const end = pattern.indexOf("]", at + 2);
      if (end < 0) {
        source += "\\[";
        continue;
      }
      const body = pattern.slice(at + 1, end);
      source += body.startsWith("^") ? `[^${escapeClass(body.slice(1))}]` : `[${escapeClass(body)}]`;
      at = end;
    } else source += char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "i");
}

const escapeClass = (body: string) => body.replace(/[\\\]^[]/g, "\\$&");
