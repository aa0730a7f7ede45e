/**
 * Document operations done in JavaScript with MongoDB's semantics: applying a validated update, building the
 * document an upsert inserts, projecting, and the value order MongoDB sorts by. The embedded store uses all
 * of them; the MongoDB store uses the upsert document to enforce the index rules before sending.
 */

import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import type { JsonScalar, JsonValue } from './types';
import {
  checkId,
  cleanDocument,
  isJsonObject,
  pathsOverlap,
  type FilterNode,
  type JsonObject,
  type ParsedProjection,
  type UpdateOp,
} from './validate';

/** A new `_id`: 24 hex characters of randomness, the same shape on both stores. */
export function newId(): string {
  // randomUUID draws from a cached entropy pool; randomBytes makes a system call each time, on every upsert.
  return randomUUID().replace(/-/g, '').slice(0, 24);
}

function notApplicable(message: string): never {
  throw new AppError('STORE_UPDATE_NOT_APPLICABLE', message);
}

function clone<T extends JsonValue>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => clone(item)) as T;
  const out: JsonObject = {};
  for (const [key, field] of Object.entries(value)) out[key] = clone(field);
  return out as T;
}

// Canonical text of a value, for equality as MongoDB's $addToSet sees it (field order matters there too).
function canonical(value: JsonValue): string {
  return JSON.stringify(value);
}

function describe(value: JsonValue | undefined): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

// Segment-wise lexicographic order: MongoDB 5+ applies modifications (and so creates fields) in this order.
function comparePaths(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

// Finds the object that holds the last segment of `segments`, creating missing objects on the way when
// `create` is set. Returns null when the path cannot exist and nothing is to be created ($unset).
function parentOf(doc: JsonObject, segments: readonly string[], dotted: string, create: boolean): JsonObject | null {
  let current: JsonObject = doc;
  for (const segment of segments.slice(0, -1)) {
    const next = current[segment];
    if (isJsonObject(next)) {
      current = next;
    } else if (next === undefined && create) {
      const made: JsonObject = {};
      current[segment] = made;
      current = made;
    } else if (!create) {
      return null;
    } else {
      // MongoDB: "Cannot create field 'x' in element {a: ...}" (PathNotViable).
      return notApplicable(`cannot create '${dotted}': '${segment}' holds ${describe(next)}`);
    }
  }
  return current;
}

/**
 * Applies validated modifications to a copy of `doc` and returns the copy. `$setOnInsert` applies only when
 * `inserting`. Throws STORE_UPDATE_NOT_APPLICABLE where MongoDB's update fails ($inc on a non-number, $push on
 * a non-array, a field created inside a scalar or an array).
 */
export function applyUpdate(doc: JsonObject, ops: readonly UpdateOp[], inserting: boolean): JsonObject {
  const out = clone(doc);
  const ordered = [...ops].sort((a, b) => comparePaths(a.path.segments, b.path.segments));
  for (const mod of ordered) {
    const { segments, dotted } = mod.path;
    const last = segments[segments.length - 1];
    if (mod.op === '$setOnInsert' && !inserting) continue;
    if (mod.op === '$unset') {
      const parent = parentOf(out, segments, dotted, false);
      if (parent !== null) delete parent[last];
      continue;
    }
    const parent = parentOf(out, segments, dotted, true) as JsonObject;
    const current = parent[last];
    switch (mod.op) {
      case '$set':
      case '$setOnInsert':
        parent[last] = clone(mod.value);
        break;
      case '$inc': {
        if (current !== undefined && typeof current !== 'number') {
          notApplicable(`cannot apply $inc to '${dotted}': it holds ${describe(current)}`);
        }
        const sum = (current ?? 0) + mod.by;
        if (!Number.isFinite(sum)) {
          throw new AppError('STORE_INVALID_DOCUMENT', `$inc on '${dotted}' would leave a number that is not finite`);
        }
        parent[last] = sum === 0 ? 0 : sum;
        break;
      }
      case '$push':
      case '$addToSet': {
        if (current !== undefined && !Array.isArray(current)) {
          notApplicable(`cannot apply ${mod.op} to '${dotted}': it holds ${describe(current)}, not an array`);
        }
        const list: JsonValue[] = current === undefined ? [] : current;
        if (mod.op === '$push') {
          list.push(...mod.values.map((value) => clone(value)));
        } else {
          const seen = new Set(list.map(canonical));
          for (const value of mod.values) {
            const key = canonical(value);
            if (!seen.has(key)) {
              seen.add(key);
              list.push(clone(value));
            }
          }
        }
        parent[last] = list;
        break;
      }
    }
  }
  return out;
}

/** The equality conditions an upsert copies into the document it inserts (see buildUpsertDocument). */
export function upsertEqualities(filter: FilterNode): Array<{ segments: readonly string[]; dotted: string; value: JsonScalar }> {
  const equalities: Array<{ segments: readonly string[]; dotted: string; value: JsonScalar }> = [];
  const collect = (node: FilterNode): void => {
    if (node.kind === 'and' || (node.kind === 'or' && node.children.length === 1)) node.children.forEach(collect);
    else if (node.kind === 'eq') equalities.push({ segments: node.path.segments, dotted: node.path.dotted, value: node.value });
  };
  collect(filter);
  return equalities;
}

/**
 * The document an upsert inserts: the equality conditions of the filter (top level, inside `$and`, and inside
 * an `$or` of one clause, which MongoDB's query normaliser turns into that clause), then the update applied with
 * `$setOnInsert`, then `_id` (from the filter, from `$setOnInsert`, or `generatedId`). Throws
 * STORE_UNSUPPORTED_FILTER when the filter sets a path twice, as MongoDB refuses such upserts.
 */
export function buildUpsertDocument(filter: FilterNode, ops: readonly UpdateOp[], generatedId: string): JsonObject {
  const equalities = upsertEqualities(filter);
  const seed: JsonObject = {};
  for (let i = 0; i < equalities.length; i += 1) {
    for (let j = 0; j < i; j += 1) {
      if (pathsOverlap(equalities[i].segments, equalities[j].segments)) {
        throw new AppError(
          'STORE_UNSUPPORTED_FILTER',
          `cannot build the upsert document: '${equalities[i].dotted}' and '${equalities[j].dotted}' are both matched by equality`,
        );
      }
    }
    const { segments, dotted, value } = equalities[i];
    (parentOf(seed, segments, dotted, true) as JsonObject)[segments[segments.length - 1]] = value;
  }
  if ('_id' in seed) checkId(seed._id);

  const applied = applyUpdate(seed, ops, true);
  const { _id: id, ...rest } = applied;
  return cleanDocument({ _id: id ?? generatedId, ...rest });
}

// ---------------------------------------------------------------------------------------------------------
// Projection

interface ProjectionTree {
  [key: string]: ProjectionTree | true;
}

function projectionTree(paths: ParsedProjection['paths']): ProjectionTree {
  const tree: ProjectionTree = {};
  for (const { segments } of paths) {
    let node = tree;
    segments.forEach((segment, i) => {
      if (i === segments.length - 1) {
        node[segment] = true;
      } else {
        const next = node[segment];
        node = next === undefined || next === true ? (node[segment] = {}) : next;
      }
    });
  }
  return tree;
}

function includeFields(value: JsonObject, tree: ProjectionTree): JsonObject {
  const out: JsonObject = {};
  for (const [key, field] of Object.entries(value)) {
    const node = tree[key];
    if (node === undefined) continue;
    if (node === true) out[key] = field;
    else if (isJsonObject(field)) out[key] = includeFields(field, node);
    else if (Array.isArray(field)) out[key] = includeInArray(field, node);
    // A scalar where the projection goes deeper: MongoDB leaves the field out.
  }
  return out;
}

function includeInArray(list: JsonValue[], tree: ProjectionTree): JsonValue[] {
  const out: JsonValue[] = [];
  for (const item of list) {
    if (isJsonObject(item)) out.push(includeFields(item, tree));
    else if (Array.isArray(item)) out.push(includeInArray(item, tree));
  }
  return out;
}

function excludeFields(value: JsonObject, tree: ProjectionTree): JsonObject {
  const out: JsonObject = {};
  for (const [key, field] of Object.entries(value)) {
    const node = tree[key];
    if (node === true) continue;
    if (node === undefined) out[key] = field;
    else if (isJsonObject(field)) out[key] = excludeFields(field, node);
    else if (Array.isArray(field)) out[key] = excludeInArray(field, node);
    else out[key] = field;
  }
  return out;
}

function excludeInArray(list: JsonValue[], tree: ProjectionTree): JsonValue[] {
  return list.map((item) => (isJsonObject(item) ? excludeFields(item, tree) : Array.isArray(item) ? excludeInArray(item, tree) : item));
}

/** Applies a validated projection with MongoDB's rules (arrays of objects are projected element by element). */
export function applyProjection(doc: JsonObject, projection: ParsedProjection | null): JsonObject {
  if (projection === null) return doc;
  const tree = projectionTree(projection.paths);
  if (projection.mode === 'exclude') return excludeFields(doc, tree);
  if (projection.includeId) tree._id = true;
  return includeFields(doc, tree);
}

// ---------------------------------------------------------------------------------------------------------
// Paths and MongoDB's value order

/** Marks a traversal branch that ends without a value (the field is missing there). */
export const MISSING: unique symbol = Symbol('missing');
export type Found = JsonValue | typeof MISSING;

/**
 * The values MongoDB's matcher sees at a path: an array met on the way is entered (its objects are followed,
 * other elements skipped), and an array at the end is seen both whole and element by element. A branch that
 * ends without the field yields MISSING.
 */
export function valuesAtPath(doc: JsonObject, segments: readonly string[]): Found[] {
  const out: Found[] = [];
  const walk = (value: JsonValue, i: number): void => {
    if (i === segments.length) {
      out.push(value);
      if (Array.isArray(value)) out.push(...value);
      return;
    }
    const step = (object: JsonObject): void => {
      const next = object[segments[i]];
      if (next === undefined) out.push(MISSING);
      else walk(next, i + 1);
    };
    if (isJsonObject(value)) step(value);
    else if (Array.isArray(value)) value.forEach((item) => isJsonObject(item) && step(item));
    else out.push(MISSING);
  };
  walk(doc, 0);
  return out;
}

function typeRank(value: JsonValue): number {
  if (value === null) return 1;
  switch (typeof value) {
    case 'number':
      return 2;
    case 'string':
      return 3;
    case 'boolean':
      return 6;
    default:
      return Array.isArray(value) ? 5 : 4;
  }
}

// Code-point order, which is the UTF-8 byte order MongoDB and SQLite compare strings by.
function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // UTF-16 puts surrogates (astral characters) below U+E000..U+FFFF; code points put them above.
      if (x >= 0xd800) x += x >= 0xe000 ? -0x800 : 0x2000;
      if (y >= 0xd800) y += y >= 0xe000 ? -0x800 : 0x2000;
      return x - y;
    }
  }
  return a.length - b.length;
}

/**
 * MongoDB's order of values: null < numbers < strings < objects < arrays < booleans; objects field by field
 * (type, then name, then value), arrays element by element.
 */
export function compareValues(a: JsonValue, b: JsonValue): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return rank;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return compareSequences(a.map((v, i) => [String(i), v]), b.map((v, i) => [String(i), v]));
  if (isJsonObject(a) && isJsonObject(b)) return compareSequences(Object.entries(a), Object.entries(b));
  return 0;
}

function compareSequences(a: Array<[string, JsonValue]>, b: Array<[string, JsonValue]>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const rank = typeRank(a[i][1]) - typeRank(b[i][1]);
    if (rank !== 0) return rank;
    const name = compareStrings(a[i][0], b[i][0]);
    if (name !== 0) return name;
    const value = compareValues(a[i][1], b[i][1]);
    if (value !== 0) return value;
  }
  return a.length - b.length;
}

// A sort key: `EMPTY_ARRAY` sorts below null, as MongoDB orders an empty array.
const EMPTY_ARRAY: unique symbol = Symbol('empty array');
type SortValue = JsonValue | typeof EMPTY_ARRAY;

function sortValue(doc: JsonObject, segments: readonly string[], direction: 1 | -1): SortValue {
  const candidates: SortValue[] = [];
  // Leaves only: an array at the end of the path contributes its elements (the smallest for an ascending
  // sort, the largest for a descending one), an empty one sorts first.
  const walk = (value: JsonValue, i: number): void => {
    if (i === segments.length) {
      if (!Array.isArray(value)) candidates.push(value);
      else if (value.length === 0) candidates.push(EMPTY_ARRAY);
      else candidates.push(...value);
      return;
    }
    const step = (object: JsonObject): void => {
      const next = object[segments[i]];
      if (next === undefined) candidates.push(null);
      else walk(next, i + 1);
    };
    if (isJsonObject(value)) step(value);
    else if (Array.isArray(value)) value.forEach((item) => isJsonObject(item) && step(item));
    else candidates.push(null);
  };
  walk(doc, 0);
  if (candidates.length === 0) return null;
  return candidates.reduce((best, next) => (compareSortValues(next, best) * direction < 0 ? next : best));
}

function compareSortValues(a: SortValue, b: SortValue): number {
  if (a === EMPTY_ARRAY || b === EMPTY_ARRAY) return (a === EMPTY_ARRAY ? 0 : 1) - (b === EMPTY_ARRAY ? 0 : 1);
  return compareValues(a, b);
}

/** Sorts documents in place with MongoDB's order, keeping the incoming order among equal keys. */
export function sortDocuments(docs: JsonObject[], sort: ReadonlyArray<{ path: { segments: readonly string[] }; direction: 1 | -1 }>): JsonObject[] {
  const keyed = docs.map((doc, position) => ({ doc, position, keys: sort.map((key) => sortValue(doc, key.path.segments, key.direction)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < sort.length; i += 1) {
      const order = compareSortValues(a.keys[i], b.keys[i]) * sort[i].direction;
      if (order !== 0) return order;
    }
    return a.position - b.position;
  });
  keyed.forEach((entry, i) => (docs[i] = entry.doc));
  return docs;
}
