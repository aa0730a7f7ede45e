/**
 * The Store port on MongoDB, with the official driver. Every argument is validated by validate.ts first and
 * sent in a canonical form rebuilt from the validated one, so input outside the subset fails exactly as on the
 * embedded store, and what MongoDB executes is what was validated (for instance a RegExp's `s` flag, which the
 * BSON serialiser would drop, is sent as `$options`).
 *
 * The index rules (indexed fields hold scalars, unique-indexed fields are present and not null) are enforced
 * here before writing, from the index definitions read once per collection with listIndexes (and kept up to
 * date by createIndex). An index created by another process after that read is not known until restart.
 * `_id`s are generated here (the same 24-hex-character strings as the embedded store), including for upserts.
 */

import {
  MongoClient,
  MongoClientClosedError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  type Collection as DriverCollection,
  type Db,
  type Document,
  type Filter as DriverFilter,
  type UpdateFilter,
} from 'mongodb';
import { AppError, isAppError } from '../errors';
import { buildUpsertDocument, newId, upsertEqualities } from './update';
import {
  checkDocumentAgainstIndexes,
  checkUpdateAgainstIndexes,
  cleanDocument,
  indexExists,
  isIdIndex,
  parseFilter,
  parseFindOneAndUpdateOptions,
  parseFindOneOptions,
  parseFindOptions,
  parseIndex,
  parsePath,
  parseReplacement,
  parseUpdate,
  parseUpdateOptions,
  updateToMongo,
  type FilterNode,
  type IndexSpec,
  type JsonObject,
  type ParsedProjection,
  type SortKey,
  type UpdateOp,
  validateCollectionName,
} from './validate';
import type {
  BaseDocument,
  Collection,
  Cursor,
  DeleteResult,
  Filter,
  FindOneAndUpdateOptions,
  FindOneOptions,
  FindOptions,
  IndexOptions,
  InsertDocument,
  InsertOneResult,
  SortSpec,
  Store,
  Update,
  UpdateOptions,
  UpdateResult,
} from './types';

/** The database used when the connection string names none. */
export const DEFAULT_DATABASE = 'damrongdham';

const SERVER_SELECTION_TIMEOUT_MS = 5000;

// MongoDB server error codes the port gives meaning to.
const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;
const INDEX_OPTIONS_CONFLICT = 85;
const INDEX_KEY_SPECS_CONFLICT = 86;
const TYPE_MISMATCH = 14;
const PATH_NOT_VIABLE = 28;
// The server refuses a replacement or update that would change _id.
const IMMUTABLE_FIELD = 66;
// Also used for other bad input: only its "$push / $addToSet on a non-array" messages are mapped.
const BAD_VALUE = 2;

/** Host list and database of a connection string, without credentials. */
export function describeMongoUri(uri: string): { hosts: string; database: string } {
  const match = /^mongodb(?:\+srv)?:\/\/([^/?#]*)(?:\/([^?#]*))?/.exec(uri);
  if (match === null) throw new AppError('CONFIG_INVALID', 'MONGODB_URI must start with mongodb:// or mongodb+srv://');
  const authority = match[1];
  const hosts = authority.slice(authority.lastIndexOf('@') + 1);
  let database = '';
  try {
    database = decodeURIComponent(match[2] ?? '');
  } catch {
    throw new AppError('CONFIG_INVALID', 'MONGODB_URI has a badly encoded database name');
  }
  return { hosts, database: database === '' ? DEFAULT_DATABASE : database };
}

// Error text safe to put in a message: credentials in any URI it quotes are masked.
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  return `${error.name}: ${error.message.replace(/\/\/[^/@\s]*@/g, '//***@')}`;
}

function isConnectionError(error: unknown): boolean {
  return (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoClientClosedError
  );
}

// Maps driver errors to coded ones; duplicate-key messages name the fields, never their values.
function mapMongoError(error: unknown, collection: string, hosts: string): unknown {
  if (error instanceof AppError) return error;
  if (isConnectionError(error)) {
    return new AppError('STORE_UNAVAILABLE', `MongoDB at ${hosts} is unreachable (${reasonOf(error)})`, { cause: error });
  }
  if (error instanceof MongoServerError) {
    const code: unknown = error.code;
    if (code === DUPLICATE_KEY) {
      const pattern: unknown = error.keyPattern;
      const fields = typeof pattern === 'object' && pattern !== null ? Object.keys(pattern).join(', ') : 'an index';
      return new AppError('STORE_DUPLICATE_KEY', `duplicate key in ${collection} on ${fields}`);
    }
    if (code === INDEX_OPTIONS_CONFLICT || code === INDEX_KEY_SPECS_CONFLICT) {
      return new AppError('STORE_INDEX_CONFLICT', `an index on ${collection} exists with other keys, name or options`);
    }
    if (code === TYPE_MISMATCH || code === PATH_NOT_VIABLE || code === IMMUTABLE_FIELD || (code === BAD_VALUE && /must be an array|to non-array field/.test(error.message))) {
      return new AppError('STORE_UPDATE_NOT_APPLICABLE', `the update does not apply to a document of ${collection} (${String(error.codeName)})`);
    }
  }
  return error;
}

// ---------------------------------------------------------------------------------------------------------
// Canonical forms sent to the server

function filterToMongo(node: FilterNode): Document {
  switch (node.kind) {
    case 'and':
      return node.children.length === 0 ? {} : { $and: node.children.map(filterToMongo) };
    case 'or':
      return { $or: node.children.map(filterToMongo) };
    case 'eq':
      return { [node.path.dotted]: { $eq: node.value } };
    case 'ne':
      return { [node.path.dotted]: { $ne: node.value } };
    case 'in':
      return { [node.path.dotted]: { $in: node.values } };
    case 'nin':
      return { [node.path.dotted]: { $nin: node.values } };
    case 'range':
      return { [node.path.dotted]: { [node.op]: node.value } };
    case 'exists':
      return { [node.path.dotted]: { $exists: node.exists } };
    case 'regex':
      return { [node.path.dotted]: { $regex: node.source, $options: node.flags } };
  }
}

function sortToMongo(sort: readonly SortKey[]): Record<string, 1 | -1> | undefined {
  if (sort.length === 0) return undefined;
  return Object.fromEntries(sort.map((key) => [key.path.dotted, key.direction]));
}

function projectionToMongo(projection: ParsedProjection | null): Document | undefined {
  if (projection === null) return undefined;
  const out: Document = {};
  const flag = projection.mode === 'include' ? 1 : 0;
  for (const path of projection.paths) out[path.dotted] = flag;
  if (projection.mode === 'include' && !projection.includeId) out._id = 0;
  return out;
}

// A filter finding a stored document that breaks the index rules for `spec`.
function indexViolationFilter(spec: IndexSpec): Document | null {
  const clauses: Document[] = [];
  for (const key of spec.keys) {
    const segments = key.path.segments;
    if (key.path.dotted === '_id') continue;
    for (let i = 1; i < segments.length; i += 1) clauses.push({ [segments.slice(0, i).join('.')]: { $type: 'array' } });
    clauses.push({ [key.path.dotted]: { $type: ['array', 'object'] } });
    if (spec.unique) clauses.push({ [key.path.dotted]: null });
  }
  return clauses.length === 0 ? null : { $or: clauses };
}

// Reads index definitions back; indexes this port cannot have made (text, hashed, ...) are ignored.
function parseListedIndex(listed: Document): IndexSpec | null {
  const name: unknown = listed.name;
  const key: unknown = listed.key;
  if (typeof name !== 'string' || name === '_id_' || typeof key !== 'object' || key === null) return null;
  const keys: SortKey[] = [];
  for (const [dotted, direction] of Object.entries(key)) {
    if (direction !== 1 && direction !== -1) return null;
    try {
      keys.push({ path: parsePath(dotted, 'STORE_UNSUPPORTED_OPTION'), direction });
    } catch {
      return null;
    }
  }
  return { name, keys, unique: listed.unique === true };
}

// ---------------------------------------------------------------------------------------------------------

/** The MongoDB store. Open with `MongoStore.connect(uri)`. */
export class MongoStore implements Store {
  readonly kind = 'mongodb' as const;

  private readonly indexCache = new Map<string, Promise<IndexSpec[]>>();
  private closed = false;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    /** The hosts of the connection string, for messages (never the credentials). */
    readonly hosts: string,
  ) {}

  /**
   * Connects and pings. Rejects with STORE_UNAVAILABLE naming the hosts (without credentials) when the server
   * cannot be reached, and with CONFIG_INVALID when the connection string is malformed.
   */
  static async connect(uri: string, options: { serverSelectionTimeoutMS?: number } = {}): Promise<MongoStore> {
    const { hosts, database } = describeMongoUri(uri);
    // A timeout written in the connection string is the operator's choice: options given here would override it.
    const timeoutInUri = /[?&]serverSelectionTimeoutMS=/i.test(uri);
    const serverSelectionTimeoutMS = options.serverSelectionTimeoutMS ?? (timeoutInUri ? undefined : SERVER_SELECTION_TIMEOUT_MS);
    let client: MongoClient;
    try {
      client = new MongoClient(uri, {
        // As the embedded store does: undefined fields are dropped, never stored as null.
        ignoreUndefined: true,
        ...(serverSelectionTimeoutMS === undefined ? {} : { serverSelectionTimeoutMS }),
        appName: 'damrongdham-bot',
      });
    } catch (error) {
      throw new AppError('CONFIG_INVALID', `MONGODB_URI is not a valid connection string (${reasonOf(error)})`);
    }
    try {
      await client.connect();
      await client.db(database).command({ ping: 1 });
    } catch (error) {
      await client.close().catch(() => undefined);
      throw new AppError('STORE_UNAVAILABLE', `MongoDB at ${hosts} is unreachable (${reasonOf(error)})`, { cause: error });
    }
    return new MongoStore(client, client.db(database), hosts);
  }

  /** The database name in use. */
  get databaseName(): string {
    return this.db.databaseName;
  }

  collection<T extends BaseDocument>(name: string): Collection<T> {
    const valid = validateCollectionName(name);
    return new MongoCollection<T>(this, valid, this.db.collection<Document>(valid));
  }

  async ping(): Promise<void> {
    await this.run('(ping)', async () => {
      await this.db.command({ ping: 1 });
    });
  }

  /**
   * Nothing to do: WiredTiger reuses the blocks of deleted documents for new ones. Returning them to the file
   * system takes the `compact` command, an operator's decision (docs/operations.md).
   */
  async reclaimSpace(): Promise<void> {
    if (this.closed) throw new AppError('STORE_CLOSED', 'the MongoDB store is closed');
  }

  /** Closes the connection pool. Closing a closed store does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
  }

  /** Runs an operation on an open store, with driver errors mapped to coded ones. */
  async run<R>(collection: string, operation: () => Promise<R>): Promise<R> {
    if (this.closed) throw new AppError('STORE_CLOSED', 'the MongoDB store is closed');
    try {
      return await operation();
    } catch (error) {
      throw mapMongoError(error, collection, this.hosts);
    }
  }

  /** For the collection handles: the collection's index definitions, read once with listIndexes. */
  indexesOf(collection: string, driver: DriverCollection<Document>): Promise<IndexSpec[]> {
    let indexes = this.indexCache.get(collection);
    if (indexes === undefined) {
      indexes = driver
        .listIndexes()
        .toArray()
        .then(
          (listed) => listed.map(parseListedIndex).filter((spec): spec is IndexSpec => spec !== null),
          (error: unknown) => {
            if (error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND) return [];
            throw error;
          },
        );
      // A failed read is not remembered: the next operation tries again.
      indexes.catch(() => this.indexCache.delete(collection));
      this.indexCache.set(collection, indexes);
    }
    return indexes;
  }

  /** For the collection handles: records an index this process created. */
  rememberIndex(collection: string, spec: IndexSpec, known: readonly IndexSpec[]): void {
    this.indexCache.set(collection, Promise.resolve([...known.filter((index) => index.name !== spec.name), spec]));
  }
}

class MongoCollection<T extends BaseDocument> implements Collection<T> {
  constructor(
    private readonly store: MongoStore,
    readonly name: string,
    private readonly driver: DriverCollection<Document>,
  ) {}

  async insertOne(doc: InsertDocument<T>): Promise<InsertOneResult> {
    return this.store.run(this.name, async () => {
      const { _id: given, ...rest } = cleanDocument(doc);
      const full: JsonObject = { _id: typeof given === 'string' ? given : newId(), ...rest };
      checkDocumentAgainstIndexes(full, await this.indexes(), this.name);
      await this.driver.insertOne(full);
      return { insertedId: full._id as string };
    });
  }

  async findOne(filter: Filter, options?: FindOneOptions): Promise<T | null> {
    return this.store.run(this.name, async () => {
      const query = filterToMongo(parseFilter(filter));
      const o = parseFindOneOptions(options);
      const doc = await this.driver.findOne(query, { sort: sortToMongo(o.sort), projection: projectionToMongo(o.projection) });
      return doc as unknown as T | null;
    });
  }

  find(filter: Filter, options?: FindOptions): Cursor<T> {
    return {
      toArray: async () =>
        this.store.run(this.name, async () => {
          const query = filterToMongo(parseFilter(filter));
          const o = parseFindOptions(options);
          const docs = await this.driver
            .find(query, { sort: sortToMongo(o.sort), skip: o.skip, limit: o.limit, projection: projectionToMongo(o.projection) })
            .toArray();
          return docs as unknown as T[];
        }),
    };
  }

  async updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult> {
    return this.store.run(this.name, async () => {
      const { upsert } = parseUpdateOptions(options);
      const { query, changes } = await this.prepareUpdate(filter, update, upsert);
      const result = await this.driver.updateOne(query, changes, { upsert });
      const upserted: unknown = result.upsertedId;
      return {
        matchedCount: result.matchedCount,
        modifiedCount: result.modifiedCount,
        upsertedId: upserted === null || upserted === undefined ? null : String(upserted),
      };
    });
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    return this.store.run(this.name, async () => {
      const { query, changes } = await this.prepareUpdate(filter, update, false);
      const result = await this.driver.updateMany(query, changes);
      return { matchedCount: result.matchedCount, modifiedCount: result.modifiedCount, upsertedId: null };
    });
  }

  async replaceOne(filter: Filter, replacement: InsertDocument<T>, options?: UpdateOptions): Promise<UpdateResult> {
    return this.store.run(this.name, async () => {
      const { upsert } = parseUpdateOptions(options);
      const parsed = parseFilter(filter);
      const { id, fields } = parseReplacement(replacement, upsertEqualities(parsed).find((e) => e.dotted === '_id')?.value, upsert);
      checkDocumentAgainstIndexes({ _id: id ?? '', ...fields }, await this.indexes(), this.name);
      const document: JsonObject = id === undefined ? fields : { _id: id, ...fields };
      const result = await this.driver.replaceOne(filterToMongo(parsed), document, { upsert });
      const upserted: unknown = result.upsertedId;
      return {
        matchedCount: result.matchedCount,
        modifiedCount: result.modifiedCount,
        upsertedId: upserted === null || upserted === undefined ? null : String(upserted),
      };
    });
  }

  async findOneAndUpdate(filter: Filter, update: Update, options?: FindOneAndUpdateOptions): Promise<T | null> {
    return this.store.run(this.name, async () => {
      const o = parseFindOneAndUpdateOptions(options);
      const { query, changes } = await this.prepareUpdate(filter, update, o.upsert);
      const doc = await this.driver.findOneAndUpdate(query, changes, {
        upsert: o.upsert,
        sort: sortToMongo(o.sort),
        projection: projectionToMongo(o.projection),
        returnDocument: o.returnDocument,
        includeResultMetadata: false,
      });
      return doc as unknown as T | null;
    });
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    return this.store.run(this.name, async () => {
      const result = await this.driver.deleteOne(filterToMongo(parseFilter(filter)));
      return { deletedCount: result.deletedCount };
    });
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    return this.store.run(this.name, async () => {
      const result = await this.driver.deleteMany(filterToMongo(parseFilter(filter)));
      return { deletedCount: result.deletedCount };
    });
  }

  async countDocuments(filter?: Filter): Promise<number> {
    return this.store.run(this.name, async () => this.driver.countDocuments(filterToMongo(parseFilter(filter))));
  }

  async createIndex(keys: SortSpec, options?: IndexOptions): Promise<string> {
    return this.store.run(this.name, async () => {
      const spec = parseIndex(keys, options);
      if (isIdIndex(spec)) return '_id_';
      const known = await this.indexes();
      // Checked here too (the server would also refuse) so that conflicts are reported before data problems,
      // in the same order as on the embedded store.
      if (indexExists(known, spec, this.name)) return spec.name;
      const violation = indexViolationFilter(spec);
      if (violation !== null && (await this.driver.findOne(violation, { projection: { _id: 1 } })) !== null) {
        const unique = spec.unique ? '; unique-indexed fields must be present and not null' : '';
        throw new AppError(
          'STORE_INVALID_DOCUMENT',
          `cannot create index ${spec.name} on ${this.name}: a stored document breaks the index rules (indexed fields must hold scalars${unique})`,
        );
      }
      const keySpec: Array<[string, 1 | -1]> = spec.keys.map((key) => [key.path.dotted, key.direction]);
      const name = await this.driver.createIndex(keySpec, { unique: spec.unique, name: spec.name });
      this.store.rememberIndex(this.name, spec, known);
      return name;
    });
  }

  private indexes(): Promise<IndexSpec[]> {
    return this.store.indexesOf(this.name, this.driver);
  }

  // Validates a filter and update, enforces the index rules, and for an upsert builds the document it would
  // insert (checked like an insert) and makes sure its `_id` is a generated string, not an ObjectId.
  private async prepareUpdate(
    filter: Filter,
    update: Update,
    upsert: boolean,
  ): Promise<{ query: DriverFilter<Document>; changes: UpdateFilter<Document> }> {
    const parsed = parseFilter(filter);
    const ops: UpdateOp[] = parseUpdate(update);
    const indexes = await this.indexes();
    checkUpdateAgainstIndexes(ops, indexes, this.name);
    const changes: Record<string, JsonObject> = updateToMongo(ops);
    if (upsert) {
      const id = newId();
      try {
        checkDocumentAgainstIndexes(buildUpsertDocument(parsed, ops, id), indexes, this.name);
      } catch (error) {
        // An update that cannot apply to the seed may still apply to a matching document: the server decides.
        if (!isAppError(error, 'STORE_UPDATE_NOT_APPLICABLE')) throw error;
      }
      const idFromFilter = upsertEqualities(parsed).some((equality) => equality.dotted === '_id');
      const idFromUpdate = ops.some((mod) => mod.op === '$setOnInsert' && mod.path.dotted === '_id');
      if (!idFromFilter && !idFromUpdate) changes.$setOnInsert = { ...(changes.$setOnInsert ?? {}), _id: id };
    }
    return { query: filterToMongo(parsed), changes };
  }
}
