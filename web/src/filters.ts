// The filter builder writes the server's filter language: MongoDB-style JSON documents
// (app/domain/run_filters.py), e.g. {"$and": [{"config.lr": {"$gt": 0.01}}, {"state": "finished"}]}.

export type FilterOp = "=" | "!=" | ">" | ">=" | "<" | "<=" | "contains";
export const FILTER_OPS: FilterOp[] = ["=", "!=", ">", ">=", "<", "<=", "contains"];

export interface FilterClause {
  key: string; // state, displayName, name, tags, username, config.X or summary_metrics.X
  op: FilterOp;
  value: string; // as typed: numbers are compared as numbers
}

export type FilterDocument = Record<string, unknown>;

const MONGO_OPS: Record<Exclude<FilterOp, "=" | "contains">, string> = {
  "!=": "$ne",
  ">": "$gt",
  ">=": "$gte",
  "<": "$lt",
  "<=": "$lte",
};

/** A typed value: a number when it reads as one, true/false, else the text itself. */
export function literal(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed !== "" && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === "true") return true;
  if (trimmed === "false") return false;
  return text;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function clauseDocument(clause: FilterClause): FilterDocument {
  if (!clause.key.trim()) throw new Error("a filter needs a key");
  const value = literal(clause.value);
  if (clause.op === "=") return { [clause.key]: value };
  if (clause.op === "contains") return { [clause.key]: { $regex: escapeRegex(clause.value) } };
  if ((clause.op === ">" || clause.op === ">=" || clause.op === "<" || clause.op === "<=") && typeof value !== "number") {
    throw new Error(`${clause.key} ${clause.op} needs a number, not "${clause.value}"`);
  }
  return { [clause.key]: { [MONGO_OPS[clause.op]]: value } };
}

/** All documents must hold; null when there are none (every run). */
export function allOf(documents: FilterDocument[]): FilterDocument | null {
  const parts = documents.flatMap((d) => (isAnd(d) ? (d.$and as FilterDocument[]) : [d])).filter((d) => Object.keys(d).length > 0);
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  return { $and: parts };
}

function isAnd(document: FilterDocument): boolean {
  return Object.keys(document).length === 1 && Array.isArray(document.$and);
}

export function buildFilter(clauses: FilterClause[]): FilterDocument | null {
  return allOf(clauses.map(clauseDocument));
}

/** The filter box's text as a document; an error sentence when it is not a JSON object. */
export function parseFilterText(text: string): { ok: true; value: FilterDocument | null } | { ok: false; error: string } {
  if (!text.trim()) return { ok: true, value: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `the filter is not valid JSON: ${(error as Error).message}` };
  }
  if (value === null) return { ok: true, value: null };
  if (typeof value !== "object" || Array.isArray(value)) return { ok: false, error: "the filter must be a JSON object" };
  return { ok: true, value: value as FilterDocument };
}

/** The filter text with one more clause and-ed to it (what the builder's "Add filter" does). */
export function addClause(text: string, clause: FilterClause): string {
  const parsed = parseFilterText(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const combined = allOf([...(parsed.value ? [parsed.value] : []), clauseDocument(clause)]);
  return JSON.stringify(combined);
}

/** The runs matching the filter except the named ones (select all, then untick some). */
export function excluding(filter: FilterDocument | null, names: Iterable<string>): FilterDocument {
  const list = [...names];
  const base = filter ?? {};
  if (list.length === 0) return base;
  return allOf([base, { name: { $nin: list } }]) ?? {};
}
