/**
 * Translation of validated filters, sorts and indexes into SQLite SQL over JSON documents, for the embedded
 * store. Values are always bound as parameters; paths are spliced in as literals (the planner matches index
 * expressions textually), which is safe because validate.ts restricts path segments to [A-Za-z0-9_-].
 *
 * MongoDB's matching rules, for the subset:
 * - numbers compare only with numbers, strings only with strings (byte order of UTF-8 on both), booleans only
 *   with booleans; `{a: null}` matches null or missing;
 * - a condition on a field holding an array matches when an element matches (or, for null, contains null);
 *   an array met in the middle of a dotted path is entered, following its objects;
 * - `$ne`/`$nin` are the negation of `$eq`/`$in`, so they match missing fields.
 *
 * Two forms are emitted. For a field in one of the collection's indexes, which the index rules keep scalar with
 * no array on its path, a plain comparison of `keyExpr(path)` that SQLite answers from the expression index.
 * For other fields, a `CASE` on the JSON type that looks inside arrays; dotted paths that meet an array before
 * their end fall back to `mq_values`, a table-valued function walking the document in JavaScript.
 */

import type Database from 'better-sqlite3';
import { MISSING, valuesAtPath, type Found } from './update';
import type { FieldPath, FilterNode, IndexSpec, JsonObject, RangeOperator, SortKey } from './validate';
import type { JsonScalar } from './types';

export type SqlParam = string | number | Buffer | null;

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function tableName(collection: string): string {
  return quoteIdent(`c_${collection}`);
}

/** SQLite index names are global to the schema; ':' cannot occur in collection names, so this is unambiguous. */
export function sqliteIndexName(collection: string, index: string): string {
  return `ix:${collection}:${index}`;
}

function isId(path: FieldPath): boolean {
  return path.segments.length === 1 && path.segments[0] === '_id';
}

function jsonPathLiteral(segments: readonly string[]): string {
  return `'$${segments.map((segment) => `."${segment}"`).join('')}'`;
}

const jsonType = (segments: readonly string[]): string => `json_type(doc, ${jsonPathLiteral(segments)})`;
const jsonValue = (segments: readonly string[]): string => `json_extract(doc, ${jsonPathLiteral(segments)})`;

// Booleans become the BLOBs 'true'/'false': SQLite would otherwise return them as 1/0, equal to numbers. As BLOBs
// they also sort after text, which is MongoDB's order for scalars: null < numbers < strings < booleans.
const TRUE_BLOB = Buffer.from('true');
const FALSE_BLOB = Buffer.from('false');

/** The SQL expression an index on `path` is built on, and indexed conditions and sorts compare. */
export function keyExpr(path: FieldPath): string {
  if (isId(path)) return '_id';
  const p = jsonPathLiteral(path.segments);
  return `(CASE json_type(doc, ${p}) WHEN 'true' THEN X'74727565' WHEN 'false' THEN X'66616c7365' ELSE json_extract(doc, ${p}) END)`;
}

// Above this many values, `$in` binds one JSON array instead of one placeholder per value.
const LONG_LIST = 50;

const SQL_OPERATORS: Record<RangeOperator, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

type ElementCondition = (value: string, type: string) => string;

/** Builds a WHERE clause; parameters are collected in the order their placeholders appear. */
export class SqlWhere {
  readonly params: SqlParam[] = [];

  constructor(private readonly indexed: ReadonlySet<string>) {}

  private bind(value: SqlParam): string {
    this.params.push(value);
    return '?';
  }

  private isIndexed(path: FieldPath): boolean {
    return this.indexed.has(path.dotted);
  }

  build(node: FilterNode): string {
    switch (node.kind) {
      case 'and':
        return node.children.length === 0 ? '1' : `(${node.children.map((child) => this.build(child)).join(' AND ')})`;
      case 'or':
        return `(${node.children.map((child) => this.build(child)).join(' OR ')})`;
      case 'eq':
        return this.eq(node.path, node.value);
      case 'ne':
        // IFNULL: a NULL from a missing field must count as "no match" before it is negated.
        return `NOT IFNULL(${this.eq(node.path, node.value)}, 0)`;
      case 'in':
        return this.in(node.path, node.values);
      case 'nin':
        return `NOT IFNULL(${this.in(node.path, node.values)}, 0)`;
      case 'range':
        return this.range(node.path, node.op, node.value);
      case 'exists':
        return this.exists(node.path, node.exists);
      case 'regex':
        return this.regex(node.path, node.source, node.flags);
    }
  }

  private eq(path: FieldPath, value: JsonScalar): string {
    if (isId(path)) return typeof value === 'string' ? `_id = ${this.bind(value)}` : '0';
    if (this.isIndexed(path)) {
      if (value === null) return `${keyExpr(path)} IS NULL`;
      return `${keyExpr(path)} = ${this.bind(typeof value === 'boolean' ? (value ? TRUE_BLOB : FALSE_BLOB) : value)}`;
    }
    if (value === null) return this.nullOrMissing(path);
    return this.anyValue(path, (v, t) => {
      if (typeof value === 'boolean') return `${t} = '${value}'`;
      const guard = typeof value === 'string' ? `${t} = 'text'` : `${t} IN ('integer', 'real')`;
      return `(${guard} AND ${v} = ${this.bind(value)})`;
    });
  }

  private in(path: FieldPath, values: readonly JsonScalar[]): string {
    if (values.length === 0) return '0';
    if (values.length > LONG_LIST) return this.longIn(path, values);
    if (isId(path)) {
      const ids = values.filter((value): value is string => typeof value === 'string');
      return ids.length === 0 ? '0' : `_id IN (${ids.map((id) => this.bind(id)).join(', ')})`;
    }
    if (this.isIndexed(path)) {
      const present = values.filter((value) => value !== null);
      const parts: string[] = [];
      if (present.length > 0) {
        const list = present.map((value) => this.bind(typeof value === 'boolean' ? (value ? TRUE_BLOB : FALSE_BLOB) : value));
        parts.push(`${keyExpr(path)} IN (${list.join(', ')})`);
      }
      if (present.length < values.length) parts.push(`${keyExpr(path)} IS NULL`);
      return `(${parts.join(' OR ')})`;
    }
    return `(${values.map((value) => this.eq(path, value)).join(' OR ')})`;
  }

  // `$in` with many values: one JSON array parameter read with json_each, instead of one placeholder per value
  // (SQLite caps the number of placeholders in a statement).
  private longIn(path: FieldPath, values: readonly JsonScalar[]): string {
    const present = values.filter((value) => value !== null);
    const list = (): string => this.bind(JSON.stringify(present));
    const parts: string[] = [];
    if (isId(path)) {
      parts.push(`_id IN (SELECT value FROM json_each(${list()}) WHERE type = 'text')`);
    } else if (this.isIndexed(path)) {
      parts.push(
        `${keyExpr(path)} IN (SELECT CASE type WHEN 'true' THEN X'74727565' WHEN 'false' THEN X'66616c7365' ELSE value END ` +
          `FROM json_each(${list()}))`,
      );
      if (present.length < values.length) parts.push(`${keyExpr(path)} IS NULL`);
    } else {
      parts.push(
        this.anyValue(
          path,
          (v, t) =>
            `EXISTS (SELECT 1 FROM json_each(${list()}) AS i WHERE i.value = ${v} ` +
            `AND (i.type = ${t} OR (i.type IN ('integer', 'real') AND ${t} IN ('integer', 'real'))))`,
        ),
      );
      if (present.length < values.length) parts.push(this.nullOrMissing(path));
    }
    return `(${parts.join(' OR ')})`;
  }

  private range(path: FieldPath, op: RangeOperator, value: number | string): string {
    const sqlOp = SQL_OPERATORS[op];
    const isString = typeof value === 'string';
    if (isId(path)) return isString ? `_id ${sqlOp} ${this.bind(value)}` : '0';
    if (this.isIndexed(path)) {
      // Type bracketing on the index key: numbers < '' <= text < X'' <= booleans (NULLs never compare).
      const key = keyExpr(path);
      const lower = op === '$gt' || op === '$gte';
      const bound = isString ? (lower ? `${key} < X''` : `${key} >= ''`) : lower ? `${key} < ''` : null;
      const compare = `${key} ${sqlOp} ${this.bind(value)}`;
      return bound === null ? compare : `(${compare} AND ${bound})`;
    }
    return this.anyValue(path, (v, t) => {
      const guard = isString ? `${t} = 'text'` : `${t} IN ('integer', 'real')`;
      return `(${guard} AND ${v} ${sqlOp} ${this.bind(value)})`;
    });
  }

  private exists(path: FieldPath, exists: boolean): string {
    if (isId(path)) return exists ? '1' : '0';
    let present: string;
    if (path.segments.length === 1 || this.isIndexed(path)) {
      present = `${jsonType(path.segments)} IS NOT NULL`;
    } else {
      present =
        `(CASE WHEN ${this.arrayOnPath(path)} ` +
        `THEN EXISTS (SELECT 1 FROM mq_values(doc, ${this.bind(path.dotted)}) AS m WHERE m.type IS NOT NULL) ` +
        `ELSE ${jsonType(path.segments)} IS NOT NULL END)`;
    }
    return exists ? present : `NOT IFNULL(${present}, 0)`;
  }

  private regex(path: FieldPath, source: string, flags: string): string {
    if (isId(path)) return `mq_regex(${this.bind(source)}, ${this.bind(flags)}, _id)`;
    if (this.isIndexed(path)) {
      return `(${jsonType(path.segments)} = 'text' AND mq_regex(${this.bind(source)}, ${this.bind(flags)}, ${jsonValue(path.segments)}))`;
    }
    return this.anyValue(path, (v, t) => `(${t} = 'text' AND mq_regex(${this.bind(source)}, ${this.bind(flags)}, ${v}))`);
  }

  // `{path: null}` on a non-indexed field: null, missing, or an array holding null.
  private nullOrMissing(path: FieldPath): string {
    const direct = (): string => {
      const p = jsonPathLiteral(path.segments);
      return (
        `(CASE WHEN json_type(doc, ${p}) = 'array' ` +
        `THEN EXISTS (SELECT 1 FROM json_each(doc, ${p}) AS e WHERE e.type = 'null') ` +
        `ELSE IFNULL(json_type(doc, ${p}), 'null') = 'null' END)`
      );
    };
    if (path.segments.length === 1) return direct();
    return (
      `(CASE WHEN ${this.arrayOnPath(path)} ` +
      `THEN EXISTS (SELECT 1 FROM mq_values(doc, ${this.bind(path.dotted)}) AS m WHERE IFNULL(m.type, 'null') = 'null') ` +
      `ELSE ${direct()} END)`
    );
  }

  // A condition on one value (SQL value and JSON type) applied with MongoDB's array rule.
  private anyValue(path: FieldPath, condition: ElementCondition): string {
    const direct = (): string => {
      const p = jsonPathLiteral(path.segments);
      return (
        `(CASE WHEN json_type(doc, ${p}) = 'array' ` +
        `THEN EXISTS (SELECT 1 FROM json_each(doc, ${p}) AS e WHERE ${condition('e.value', 'e.type')}) ` +
        `ELSE ${condition(`json_extract(doc, ${p})`, `json_type(doc, ${p})`)} END)`
      );
    };
    if (path.segments.length === 1) return direct();
    // Placeholders must be bound in textual order, so each branch is built where it appears.
    const fallback = `EXISTS (SELECT 1 FROM mq_values(doc, ${this.bind(path.dotted)}) AS m WHERE ${condition('m.value', 'm.type')})`;
    return `(CASE WHEN ${this.arrayOnPath(path)} THEN ${fallback} ELSE ${direct()} END)`;
  }

  // True when a proper prefix of the path holds an array, where json_extract would stop short.
  private arrayOnPath(path: FieldPath): string {
    const checks: string[] = [];
    for (let i = 1; i < path.segments.length; i += 1) checks.push(`${jsonType(path.segments.slice(0, i))} = 'array'`);
    return `(${checks.join(' OR ')})`;
  }
}

/**
 * ORDER BY for a sort, or null when a key is not indexed: such keys may hold arrays or objects, which MongoDB
 * orders in ways SQL cannot express, so the caller sorts in JavaScript instead.
 */
export function orderBy(sort: readonly SortKey[], indexed: ReadonlySet<string>): string | null {
  if (sort.some((key) => key.path.dotted !== '_id' && !indexed.has(key.path.dotted))) return null;
  return sort.map((key) => `${keyExpr(key.path)} ${key.direction === 1 ? 'ASC' : 'DESC'}`).join(', ');
}

export function createIndexSql(collection: string, spec: IndexSpec): string {
  const columns = spec.keys.map((key) => `${keyExpr(key.path)}${key.direction === -1 ? ' DESC' : ''}`).join(', ');
  return (
    `CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quoteIdent(sqliteIndexName(collection, spec.name))} ` +
    `ON ${tableName(collection)} (${columns})`
  );
}

/** A query that finds one stored document breaking the index rules for `spec`, if any. */
export function indexViolationSql(collection: string, spec: IndexSpec): string {
  const checks: string[] = [];
  for (const key of spec.keys) {
    const segments = key.path.segments;
    if (key.path.dotted === '_id') continue;
    for (let i = 1; i < segments.length; i += 1) checks.push(`${jsonType(segments.slice(0, i))} = 'array'`);
    checks.push(`${jsonType(segments)} IN ('array', 'object')`);
    if (spec.unique) checks.push(`IFNULL(${jsonType(segments)}, 'null') = 'null'`);
  }
  return checks.length === 0 ? 'SELECT NULL LIMIT 0' : `SELECT _id FROM ${tableName(collection)} WHERE ${checks.join(' OR ')} LIMIT 1`;
}

// ---------------------------------------------------------------------------------------------------------
// Functions registered on the connection

const REGEX_CACHE_LIMIT = 256;

function sqlRow(found: Found): [SqlParam, string | null] {
  if (found === MISSING) return [null, null];
  if (found === null) return [null, 'null'];
  switch (typeof found) {
    case 'boolean':
      return [found ? 1 : 0, found ? 'true' : 'false'];
    case 'number':
      return [found, Number.isInteger(found) ? 'integer' : 'real'];
    case 'string':
      return [found, 'text'];
    default:
      return [JSON.stringify(found), Array.isArray(found) ? 'array' : 'object'];
  }
}

/**
 * Registers `mq_regex(source, flags, value)` and the table-valued `mq_values(doc, path)` on a connection.
 * `mq_regex` uses JavaScript regular expressions (flags i, m, s; no `u`), not MongoDB's PCRE: patterns should
 * keep to the syntax both share.
 */
export function registerFunctions(db: Database.Database): void {
  const regexes = new Map<string, RegExp>();
  db.function('mq_regex', { deterministic: true }, (source: unknown, flags: unknown, value: unknown): number => {
    if (typeof value !== 'string' || typeof source !== 'string' || typeof flags !== 'string') return 0;
    const key = `${flags}/${source}`;
    let regex = regexes.get(key);
    if (regex === undefined) {
      regex = new RegExp(source, flags);
      if (regexes.size >= REGEX_CACHE_LIMIT) regexes.delete(regexes.keys().next().value as string);
      regexes.set(key, regex);
    }
    return regex.test(value) ? 1 : 0;
  });

  // Conditions on several fields of one row parse the same document several times; keep the last one.
  let lastText: string | null = null;
  let lastDoc: JsonObject = {};
  db.table('mq_values', {
    columns: ['value', 'type'],
    // Parameter names must not be column names of the outer query: an unqualified `doc` would bind to them.
    parameters: ['mq_doc', 'mq_path'],
    *rows(...params: unknown[]) {
      const [text, dotted] = params;
      if (typeof text !== 'string' || typeof dotted !== 'string') return;
      if (text !== lastText) {
        lastDoc = JSON.parse(text) as JsonObject;
        lastText = text;
      }
      for (const found of valuesAtPath(lastDoc, dotted.split('.'))) yield sqlRow(found);
    },
  });
}
