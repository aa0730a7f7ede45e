/**
 * Run-time checks of everything that crosses the Store port, shared by both implementations so that input
 * outside the subset fails identically, with the same coded error, whichever store is behind the port.
 *
 * Messages name paths, operators and collections but never quote values: values can be personal data, and
 * AppError messages are logged.
 */

import { AppError, type ErrorCode } from '../errors';
import type { JsonScalar, JsonValue } from './types';

export type JsonObject = { [key: string]: JsonValue };

/** A dotted path split into its segments, kept with its dotted spelling for messages and the driver. */
export interface FieldPath {
  readonly dotted: string;
  readonly segments: readonly string[];
}

export type RangeOperator = '$gt' | '$gte' | '$lt' | '$lte';

/** A filter after validation. Field-level operators on one field become separate nodes under an `and`. */
export type FilterNode =
  | { kind: 'and'; children: FilterNode[] }
  | { kind: 'or'; children: FilterNode[] }
  | { kind: 'eq'; path: FieldPath; value: JsonScalar }
  | { kind: 'ne'; path: FieldPath; value: JsonScalar }
  | { kind: 'in'; path: FieldPath; values: JsonScalar[] }
  | { kind: 'nin'; path: FieldPath; values: JsonScalar[] }
  | { kind: 'range'; path: FieldPath; op: RangeOperator; value: number | string }
  | { kind: 'exists'; path: FieldPath; exists: boolean }
  | { kind: 'regex'; path: FieldPath; source: string; flags: string };

/** One modification of an update, after validation. */
export type UpdateOp =
  | { op: '$set' | '$setOnInsert'; path: FieldPath; value: JsonValue }
  | { op: '$unset'; path: FieldPath }
  | { op: '$inc'; path: FieldPath; by: number }
  | { op: '$push' | '$addToSet'; path: FieldPath; values: JsonValue[] };

export type UpdateOperator = UpdateOp['op'];

export interface SortKey {
  readonly path: FieldPath;
  readonly direction: 1 | -1;
}

export interface ParsedProjection {
  readonly mode: 'include' | 'exclude';
  /** Paths to include or exclude; in `include` mode `_id` is handled by `includeId`, not listed. */
  readonly paths: readonly FieldPath[];
  readonly includeId: boolean;
}

export interface ParsedFindOptions {
  readonly sort: readonly SortKey[];
  readonly skip: number;
  /** 0 means no limit, as in the driver. */
  readonly limit: number;
  readonly projection: ParsedProjection | null;
}

export interface IndexSpec {
  readonly name: string;
  readonly keys: readonly SortKey[];
  readonly unique: boolean;
}

/** Longest accepted `_id`, in UTF-16 code units. */
export const MAX_ID_LENGTH = 512;
// MongoDB refuses documents nested deeper than 100 levels; the embedded store refuses the same ones.
const MAX_DEPTH = 100;
// MongoDB's limit on the fields of a compound index or a sort.
const MAX_KEYS = 32;

const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,63}$/;
// Path segments are restricted to identifier-like names: they are spliced (quoted) into SQLite JSON paths, and
// purely numeric segments would mean array positions, which the subset leaves out.
const PATH_SEGMENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const INDEX_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
/** Lone surrogates cannot be stored as UTF-8; String#isWellFormed (native) finds them far faster than a regex. */
function hasLoneSurrogate(text: string): boolean {
  return !(text as string & { isWellFormed(): boolean }).isWellFormed();
}

const UPDATE_OPERATORS: readonly string[] = ['$set', '$unset', '$inc', '$push', '$addToSet', '$setOnInsert'];
const REGEX_FLAGS = /^[ims]*$/;

function fail(code: ErrorCode, message: string): never {
  throw new AppError(code, message);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // Object.prototype of any realm (vm contexts, test sandboxes) has a null prototype; class instances do not.
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is JsonScalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'object') {
    const ctor = (value as { constructor?: { name?: unknown } }).constructor;
    return typeof ctor?.name === 'string' && ctor.name !== 'Object' ? `a ${ctor.name}` : 'an object';
  }
  return `a ${typeof value}`;
}

/** Rejects collection names that are not `^[a-z][a-z0-9_]{0,63}$` (STORE_INVALID_NAME). */
export function validateCollectionName(name: unknown): string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
    fail('STORE_INVALID_NAME', `collection names must match ${COLLECTION_NAME.source}`);
  }
  return name;
}

/** Splits and checks a dotted field path; `code` is the error code of the caller's kind of input. */
export function parsePath(dotted: string, code: ErrorCode): FieldPath {
  const segments = dotted.split('.');
  if (segments.length > MAX_DEPTH) fail(code, `path '${dotted.slice(0, 64)}…' is too deep`);
  for (const segment of segments) {
    if (!PATH_SEGMENT.test(segment)) {
      fail(
        code,
        `path '${dotted}' is outside the subset: each dotted segment must match ${PATH_SEGMENT.source} ` +
          '(no empty segments, no $, no array positions)',
      );
    }
  }
  return { dotted, segments };
}

// ---------------------------------------------------------------------------------------------------------
// Documents

/**
 * Checks a value against the document rules and returns a cleaned deep copy (`undefined` object fields
 * dropped, -0 turned into 0), or `undefined` when the value itself is `undefined`.
 */
export function cleanValue(value: unknown, where: string, code: ErrorCode = 'STORE_INVALID_DOCUMENT', depth = 0): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (hasLoneSurrogate(value)) fail(code, `${where} holds a string that is not well-formed Unicode`);
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(code, `${where} is ${String(value)}: only finite numbers are JSON values`);
    // MongoDB keeps -0 and JSON does not; normalising makes both stores return the same number.
    return value === 0 ? 0 : value;
  }
  if (depth >= MAX_DEPTH) fail(code, `${where} is nested deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (let i = 0; i < value.length; i += 1) {
      // A hole or an undefined element has no JSON form; MongoDB would store null or undefined, so refuse it.
      if (!(i in value) || value[i] === undefined) fail(code, `${where}[${i}] is undefined`);
      out.push(cleanValue(value[i], `${where}[${i}]`, code, depth + 1) as JsonValue);
    }
    return out;
  }
  if (!isPlainObject(value)) fail(code, `${where} is ${describeType(value)}: only JSON values can be stored`);
  const out: JsonObject = {};
  for (const [key, field] of Object.entries(value)) {
    checkFieldName(key, where, code);
    const cleaned = cleanValue(field, `${where}.${key}`, code, depth + 1);
    if (cleaned !== undefined) out[key] = cleaned;
  }
  return out;
}

function checkFieldName(key: string, where: string, code: ErrorCode): void {
  if (key.startsWith('$')) fail(code, `field name '${key}' in ${where} starts with $`);
  if (key.includes('.')) fail(code, `field name '${key}' in ${where} contains a dot`);
  if (key.includes('\0')) fail(code, `a field name in ${where} contains NUL`);
  if (hasLoneSurrogate(key)) fail(code, `a field name in ${where} is not well-formed Unicode`);
}

export function checkId(id: unknown, code: ErrorCode = 'STORE_INVALID_DOCUMENT'): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    fail(code, `_id must be a non-empty string of at most ${MAX_ID_LENGTH} characters`);
  }
  if (hasLoneSurrogate(id)) fail(code, '_id is not well-formed Unicode');
  return id;
}

/**
 * Validates a document for storage and returns a cleaned deep copy with `_id` first (when present).
 * Throws STORE_INVALID_DOCUMENT.
 */
export function cleanDocument(doc: unknown): JsonObject {
  if (!isPlainObject(doc)) fail('STORE_INVALID_DOCUMENT', `a document must be a plain object, not ${describeType(doc)}`);
  const cleaned = cleanValue(doc, 'document') as JsonObject;
  if (!('_id' in cleaned)) return cleaned;
  const { _id: id, ...rest } = cleaned;
  return { _id: checkId(id), ...rest };
}

// ---------------------------------------------------------------------------------------------------------
// Filters

const unsupportedFilter = (message: string): never => fail('STORE_UNSUPPORTED_FILTER', message);

/** Validates a filter against the subset and returns its parsed form. Throws STORE_UNSUPPORTED_FILTER. */
/**
 * A replacement document (replaceOne): a document without update operators, split into its `_id` and fields.
 * For an upsert, the `_id` must come from the replacement or from an `_id` equality of the filter, so that the
 * inserted document gets a string id on every store (MongoDB would otherwise generate an ObjectId).
 */
export function parseReplacement(raw: unknown, filterId: JsonScalar | undefined, upsert: boolean): { id: string | undefined; fields: JsonObject } {
  const { _id: given, ...fields } = cleanDocument(raw);
  const replacementId = given === undefined ? undefined : checkId(given);
  const fromFilter = filterId === undefined ? undefined : checkId(filterId);
  if (replacementId !== undefined && fromFilter !== undefined && replacementId !== fromFilter) {
    throw new AppError('STORE_UPDATE_NOT_APPLICABLE', "the replacement's _id differs from the filter's; _id cannot be changed");
  }
  const id = replacementId ?? fromFilter;
  if (upsert && id === undefined) {
    throw new AppError('STORE_UNSUPPORTED_OPTION', 'replaceOne with upsert needs _id in the filter (as an equality) or in the replacement');
  }
  return { id, fields };
}

export function parseFilter(filter: unknown): FilterNode {
  if (filter === undefined) return { kind: 'and', children: [] };
  return parseFilterObject(filter, 'the filter');
}

function parseFilterObject(filter: unknown, where: string): FilterNode {
  if (!isPlainObject(filter)) return unsupportedFilter(`${where} must be a plain object, not ${describeType(filter)}`);
  const children: FilterNode[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) unsupportedFilter(`${key} needs a non-empty array of filters`);
      const clauses = (value as unknown[]).map((clause, i) => parseFilterObject(clause, `${key}[${i}]`));
      children.push({ kind: key === '$and' ? 'and' : 'or', children: clauses });
    } else if (key.startsWith('$')) {
      unsupportedFilter(`operator ${key} is outside the subset`);
    } else {
      children.push(...parseCondition(parsePath(key, 'STORE_UNSUPPORTED_FILTER'), value));
    }
  }
  return children.length === 1 && children[0].kind === 'and' ? children[0] : { kind: 'and', children };
}

function scalarOperand(path: FieldPath, op: string, value: unknown): JsonScalar {
  if (value === undefined) return unsupportedFilter(`${op} on '${path.dotted}' has an undefined value`);
  if (!isScalar(value)) {
    return unsupportedFilter(
      `${op} on '${path.dotted}' compares with ${describeType(value)}: only strings, finite numbers, booleans and null are in the subset`,
    );
  }
  if (typeof value === 'string' && hasLoneSurrogate(value)) unsupportedFilter(`${op} on '${path.dotted}' has a string that is not well-formed Unicode`);
  return value === 0 ? 0 : value;
}

function parseCondition(path: FieldPath, condition: unknown): FilterNode[] {
  if (!isPlainObject(condition)) return [{ kind: 'eq', path, value: scalarOperand(path, 'equality', condition) }];
  const keys = Object.keys(condition);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length === 0) {
    return unsupportedFilter(`equality with an object on '${path.dotted}' is outside the subset`);
  }
  if (operators.length !== keys.length) {
    return unsupportedFilter(`the condition on '${path.dotted}' mixes operators and field names`);
  }
  const nodes: FilterNode[] = [];
  for (const op of keys) {
    const operand = condition[op];
    switch (op) {
      case '$eq':
        nodes.push({ kind: 'eq', path, value: scalarOperand(path, op, operand) });
        break;
      case '$ne':
        nodes.push({ kind: 'ne', path, value: scalarOperand(path, op, operand) });
        break;
      case '$in':
      case '$nin': {
        if (!Array.isArray(operand)) return unsupportedFilter(`${op} on '${path.dotted}' needs an array`);
        const values = operand.map((item: unknown) => scalarOperand(path, op, item));
        nodes.push({ kind: op === '$in' ? 'in' : 'nin', path, values });
        break;
      }
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        if (typeof operand === 'string' || (typeof operand === 'number' && Number.isFinite(operand))) {
          nodes.push({ kind: 'range', path, op, value: scalarOperand(path, op, operand) as number | string });
        } else {
          unsupportedFilter(`${op} on '${path.dotted}' needs a finite number or a string, not ${describeType(operand)}`);
        }
        break;
      case '$exists':
        if (typeof operand !== 'boolean') unsupportedFilter(`$exists on '${path.dotted}' needs true or false`);
        nodes.push({ kind: 'exists', path, exists: operand as boolean });
        break;
      case '$regex':
        nodes.push(parseRegex(path, operand, condition.$options));
        break;
      case '$options':
        if (!('$regex' in condition)) unsupportedFilter(`$options on '${path.dotted}' without $regex`);
        break;
      default:
        unsupportedFilter(`operator ${op} (on '${path.dotted}') is outside the subset`);
    }
  }
  return nodes;
}

function parseRegex(path: FieldPath, pattern: unknown, options: unknown): FilterNode {
  let source: string;
  let flags: string;
  if (pattern instanceof RegExp) {
    if (options !== undefined) unsupportedFilter(`$regex on '${path.dotted}' is a RegExp: give its flags on the RegExp, not in $options`);
    source = pattern.source;
    flags = pattern.flags;
  } else if (typeof pattern === 'string') {
    if (options !== undefined && typeof options !== 'string') unsupportedFilter(`$options on '${path.dotted}' must be a string`);
    source = pattern;
    flags = (options as string | undefined) ?? '';
  } else {
    return unsupportedFilter(`$regex on '${path.dotted}' needs a string or a RegExp`);
  }
  if (!REGEX_FLAGS.test(flags) || new Set(flags).size !== flags.length) {
    unsupportedFilter(`regex flags on '${path.dotted}' must be among i, m, s`);
  }
  if (source.includes('\0')) unsupportedFilter(`$regex on '${path.dotted}' contains NUL`);
  try {
    new RegExp(source, flags);
  } catch {
    unsupportedFilter(`$regex on '${path.dotted}' is not a valid regular expression`);
  }
  return { kind: 'regex', path, source, flags: [...flags].sort().join('') };
}

// ---------------------------------------------------------------------------------------------------------
// Updates

const unsupportedUpdate = (message: string): never => fail('STORE_UNSUPPORTED_UPDATE', message);

/**
 * Validates an update against the subset and returns its modifications. Operand values are cleaned like
 * documents (`undefined` fields are dropped, as the driver's `ignoreUndefined` does). Throws
 * STORE_UNSUPPORTED_UPDATE (or STORE_INVALID_DOCUMENT for values that are not JSON).
 */
export function parseUpdate(update: unknown): UpdateOp[] {
  if (!isPlainObject(update)) return unsupportedUpdate(`an update must be a plain object, not ${describeType(update)}`);
  const keys = Object.keys(update);
  if (keys.length === 0) unsupportedUpdate('an update needs at least one operator');
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length === 0) unsupportedUpdate('replacement documents are outside the subset: use $set');
  if (operators.length !== keys.length) unsupportedUpdate('an update mixes operators and field names');

  const ops: UpdateOp[] = [];
  for (const op of keys) {
    if (!UPDATE_OPERATORS.includes(op)) unsupportedUpdate(`update operator ${op} is outside the subset`);
    const operand = update[op];
    if (!isPlainObject(operand)) unsupportedUpdate(`${op} needs an object of paths`);
    for (const [dotted, raw] of Object.entries(operand as Record<string, unknown>)) {
      const path = parsePath(dotted, 'STORE_UNSUPPORTED_UPDATE');
      if (raw === undefined) continue;
      const parsed = parseModification(op as UpdateOperator, path, raw);
      if (path.segments[0] === '_id' && !(op === '$setOnInsert' && path.segments.length === 1)) {
        unsupportedUpdate(`${op} on '${dotted}': _id cannot be changed`);
      }
      ops.push(parsed);
    }
  }
  checkUpdateConflicts(ops);
  return ops;
}

function parseModification(op: UpdateOperator, path: FieldPath, raw: unknown): UpdateOp {
  const where = `${op} '${path.dotted}'`;
  switch (op) {
    case '$set':
    case '$setOnInsert': {
      const value = cleanValue(raw, where) as JsonValue;
      if (op === '$setOnInsert' && path.dotted === '_id') checkId(value);
      return { op, path, value };
    }
    case '$unset':
      return { op, path };
    case '$inc':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return unsupportedUpdate(`${where} needs a finite number`);
      return { op, path, by: raw };
    case '$push':
    case '$addToSet': {
      if (isPlainObject(raw) && Object.keys(raw).some((key) => key.startsWith('$'))) {
        const modifiers = Object.keys(raw);
        const other = modifiers.find((key) => key !== '$each');
        if (other !== undefined) unsupportedUpdate(`${where}: modifier ${other} is outside the subset (only $each)`);
        if (!Array.isArray(raw.$each)) unsupportedUpdate(`${where}: $each needs an array`);
        return { op, path, values: cleanValue(raw.$each, where) as JsonValue[] };
      }
      return { op, path, values: [cleanValue(raw, where) as JsonValue] };
    }
  }
}

// Two modifications conflict when they touch the same path or one touches a parent of the other.
function checkUpdateConflicts(ops: readonly UpdateOp[]): void {
  for (let i = 0; i < ops.length; i += 1) {
    for (let j = i + 1; j < ops.length; j += 1) {
      if (pathsOverlap(ops[i].path.segments, ops[j].path.segments)) {
        unsupportedUpdate(
          `updating '${ops[j].path.dotted}' (${ops[j].op}) would conflict with '${ops[i].path.dotted}' (${ops[i].op})`,
        );
      }
    }
  }
}

/** True when the paths are equal or one is a prefix of the other, segment-wise. */
export function pathsOverlap(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Rebuilds an update from validated modifications, in the canonical form sent to MongoDB. */
export function updateToMongo(ops: readonly UpdateOp[]): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const mod of ops) {
    const operand = (out[mod.op] ??= {});
    switch (mod.op) {
      case '$set':
      case '$setOnInsert':
        operand[mod.path.dotted] = mod.value;
        break;
      case '$unset':
        operand[mod.path.dotted] = '';
        break;
      case '$inc':
        operand[mod.path.dotted] = mod.by;
        break;
      case '$push':
      case '$addToSet':
        operand[mod.path.dotted] = { $each: mod.values };
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Options

const unsupportedOption = (message: string): never => fail('STORE_UNSUPPORTED_OPTION', message);

function checkOptionKeys(options: unknown, allowed: readonly string[], where: string): Record<string, unknown> {
  if (options === undefined || options === null) return {};
  if (!isPlainObject(options)) return unsupportedOption(`${where} options must be a plain object`);
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && !allowed.includes(key)) unsupportedOption(`${where} option '${key}' is outside the subset`);
  }
  return options;
}

export function parseSort(sort: unknown): SortKey[] {
  if (sort === undefined) return [];
  if (!isPlainObject(sort)) return unsupportedOption('sort must be an object of path: 1 | -1');
  const keys = Object.entries(sort).map(([dotted, direction]) => {
    if (direction !== 1 && direction !== -1) unsupportedOption(`sort on '${dotted}' must be 1 or -1`);
    return { path: parsePath(dotted, 'STORE_UNSUPPORTED_OPTION'), direction: direction as 1 | -1 };
  });
  if (keys.length > MAX_KEYS) unsupportedOption(`a sort may have at most ${MAX_KEYS} keys`);
  return keys;
}

function parseCount(value: unknown, name: string): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    return unsupportedOption(`${name} must be a non-negative integer`);
  }
  return value;
}

export function parseProjection(projection: unknown): ParsedProjection | null {
  if (projection === undefined) return null;
  if (!isPlainObject(projection)) return unsupportedOption('projection must be an object of path: 0 | 1');
  const entries = Object.entries(projection);
  if (entries.length === 0) return null;
  for (const [dotted, flag] of entries) {
    if (flag !== 0 && flag !== 1) unsupportedOption(`projection of '${dotted}' must be 0 or 1`);
  }
  const others = entries.filter(([dotted]) => dotted !== '_id');
  const id = projection._id;
  const mode: 'include' | 'exclude' = others.length === 0 ? (id === 1 ? 'include' : 'exclude') : others[0][1] === 1 ? 'include' : 'exclude';
  if (others.some(([, flag]) => flag !== others[0][1])) {
    unsupportedOption('projection mixes inclusion and exclusion (only _id: 0 may join inclusions)');
  }
  const listed = mode === 'include' ? others : entries.filter(([, flag]) => flag === 0);
  const paths = listed.map(([dotted]) => parsePath(dotted, 'STORE_UNSUPPORTED_OPTION'));
  for (let i = 0; i < paths.length; i += 1) {
    for (let j = i + 1; j < paths.length; j += 1) {
      if (pathsOverlap(paths[i].segments, paths[j].segments)) {
        unsupportedOption(`projection paths '${paths[i].dotted}' and '${paths[j].dotted}' collide`);
      }
    }
  }
  return { mode, paths, includeId: id !== 0 };
}

/** Validates `find` options. Throws STORE_UNSUPPORTED_OPTION. */
export function parseFindOptions(options: unknown): ParsedFindOptions {
  const o = checkOptionKeys(options, ['sort', 'skip', 'limit', 'projection'], 'find');
  return { sort: parseSort(o.sort), skip: parseCount(o.skip, 'skip'), limit: parseCount(o.limit, 'limit'), projection: parseProjection(o.projection) };
}

/** Validates `findOne` options. Throws STORE_UNSUPPORTED_OPTION. */
export function parseFindOneOptions(options: unknown): ParsedFindOptions {
  const o = checkOptionKeys(options, ['sort', 'projection'], 'findOne');
  return { sort: parseSort(o.sort), skip: 0, limit: 1, projection: parseProjection(o.projection) };
}

export function parseUpdateOptions(options: unknown): { upsert: boolean } {
  const o = checkOptionKeys(options, ['upsert'], 'update');
  return { upsert: parseFlag(o.upsert, 'upsert') };
}

export interface ParsedFindOneAndUpdateOptions {
  readonly upsert: boolean;
  readonly sort: readonly SortKey[];
  readonly projection: ParsedProjection | null;
  readonly returnDocument: 'before' | 'after';
}

export function parseFindOneAndUpdateOptions(options: unknown): ParsedFindOneAndUpdateOptions {
  const o = checkOptionKeys(options, ['upsert', 'sort', 'projection', 'returnDocument'], 'findOneAndUpdate');
  const returnDocument = o.returnDocument ?? 'before';
  if (returnDocument !== 'before' && returnDocument !== 'after') unsupportedOption("returnDocument must be 'before' or 'after'");
  return {
    upsert: parseFlag(o.upsert, 'upsert'),
    sort: parseSort(o.sort),
    projection: parseProjection(o.projection),
    returnDocument: returnDocument as 'before' | 'after',
  };
}

function parseFlag(value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') return unsupportedOption(`${name} must be true or false`);
  return value;
}

/** MongoDB's default index name: `a_1_b_-1`. */
export function defaultIndexName(keys: readonly SortKey[]): string {
  return keys.map((key) => `${key.path.dotted}_${key.direction}`).join('_');
}

/** Validates `createIndex` arguments. Throws STORE_UNSUPPORTED_OPTION. */
export function parseIndex(keys: unknown, options: unknown): IndexSpec {
  const parsedKeys = parseSort(keys);
  if (parsedKeys.length === 0) unsupportedOption('an index needs at least one key');
  const o = checkOptionKeys(options, ['unique', 'name'], 'createIndex');
  const name = o.name ?? defaultIndexName(parsedKeys);
  if (typeof name !== 'string' || !INDEX_NAME.test(name)) unsupportedOption(`index names must match ${INDEX_NAME.source}`);
  return { name: name as string, keys: parsedKeys, unique: parseFlag(o.unique, 'unique') };
}

/** The `{_id: 1}` index exists on every collection; creating it again only returns its name, `_id_`. */
export function isIdIndex(spec: IndexSpec): boolean {
  return spec.keys.length === 1 && spec.keys[0].path.dotted === '_id' && spec.keys[0].direction === 1;
}

/**
 * Compares a requested index with the existing ones: true when the very same index exists (createIndex is then a
 * no-op), false when it is new. Throws STORE_INDEX_CONFLICT when its name or its keys are taken by a different
 * index, as MongoDB does (IndexOptionsConflict, IndexKeySpecsConflict).
 */
export function indexExists(existing: readonly IndexSpec[], spec: IndexSpec, collection: string): boolean {
  const sameName = existing.find((index) => index.name === spec.name);
  if (sameName) {
    if (sameIndexKeys(sameName, spec) && sameName.unique === spec.unique) return true;
    fail('STORE_INDEX_CONFLICT', `index ${spec.name} on ${collection} exists with other keys or options`);
  }
  const sameKeys = existing.find((index) => sameIndexKeys(index, spec));
  if (sameKeys) fail('STORE_INDEX_CONFLICT', `an index with the keys of ${spec.name} exists on ${collection} as ${sameKeys.name}`);
  return false;
}

export function sameIndexKeys(a: IndexSpec, b: IndexSpec): boolean {
  return (
    a.keys.length === b.keys.length &&
    a.keys.every((key, i) => key.path.dotted === b.keys[i].path.dotted && key.direction === b.keys[i].direction)
  );
}

// ---------------------------------------------------------------------------------------------------------
// Index rules: fields in an index hold scalars (and no array lies on their path), fields in a unique index are
// present and not null. They let the embedded store answer indexed conditions with plain index lookups, and
// they keep uniqueness identical on both stores (SQLite treats NULLs as distinct, MongoDB does not).

interface IndexedPath {
  readonly path: FieldPath;
  readonly unique: boolean;
  readonly index: string;
}

function indexedPaths(indexes: readonly IndexSpec[]): IndexedPath[] {
  const out: IndexedPath[] = [];
  for (const index of indexes) {
    for (const key of index.keys) {
      // _id is always a present, non-empty string.
      if (key.path.dotted !== '_id') out.push({ path: key.path, unique: index.unique, index: index.name });
    }
  }
  return out;
}

function invalid(collection: string, rule: IndexedPath, problem: string): never {
  const kind = rule.unique ? 'unique index' : 'index';
  return fail(
    'STORE_INVALID_DOCUMENT',
    `in ${collection}, '${rule.path.dotted}' is in ${kind} ${rule.index}: ${problem} ` +
      `(indexed fields must hold scalars${rule.unique ? '; unique-indexed fields must be present and not null' : ''})`,
  );
}

// Checks the value found at `segments` below `value` against one index rule.
function checkIndexedValue(value: JsonValue | undefined, segments: readonly string[], rule: IndexedPath, collection: string): void {
  let current: JsonValue | undefined = value;
  for (const segment of segments) {
    if (Array.isArray(current)) invalid(collection, rule, 'an array lies on its path');
    current = isJsonObject(current) ? current[segment] : undefined;
  }
  if (Array.isArray(current)) invalid(collection, rule, 'it holds an array');
  if (isJsonObject(current)) invalid(collection, rule, 'it holds an object');
  if (rule.unique && (current === undefined || current === null)) invalid(collection, rule, 'it is missing or null');
}

/** Checks a whole document against the index rules. Throws STORE_INVALID_DOCUMENT. */
export function checkDocumentAgainstIndexes(doc: JsonObject, indexes: readonly IndexSpec[], collection: string): void {
  for (const rule of indexedPaths(indexes)) checkIndexedValue(doc, rule.path.segments, rule, collection);
}

/**
 * Checks an update against the index rules without the document. Given that stored documents already follow
 * the rules, this is exact: every modification that could break a rule breaks it whatever the document holds
 * (or fails anyway). Doing it statically lets MongoDB, which cannot see the result before writing, enforce the
 * same rules. Throws STORE_INVALID_DOCUMENT.
 */
export function checkUpdateAgainstIndexes(ops: readonly UpdateOp[], indexes: readonly IndexSpec[], collection: string): void {
  const rules = indexedPaths(indexes);
  for (const mod of ops) {
    for (const rule of rules) {
      const target = rule.path.segments;
      const touched = mod.path.segments;
      if (!pathsOverlap(target, touched)) continue;
      if (touched.length > target.length) {
        // Writing below an indexed field either fails (a scalar there) or makes it an object.
        if (mod.op !== '$unset') invalid(collection, rule, `${mod.op} '${mod.path.dotted}' would make it an object`);
        continue;
      }
      const rest = target.slice(touched.length);
      switch (mod.op) {
        case '$set':
        case '$setOnInsert':
          checkIndexedValue(mod.value, rest, rule, collection);
          break;
        case '$unset':
          if (rule.unique) invalid(collection, rule, `$unset '${mod.path.dotted}' would remove it`);
          break;
        case '$push':
        case '$addToSet':
          invalid(collection, rule, `${mod.op} '${mod.path.dotted}' would put an array on its path`);
          break;
        case '$inc':
          // A number is a scalar; $inc on a parent fails on a present object and leaves a unique field as it was.
          break;
      }
    }
  }
}
