/**
 * The embedded store: the Store port on SQLite (better-sqlite3), in one file `store.sqlite` under the data
 * directory. One table per collection (`c_<name>`: `_id TEXT PRIMARY KEY, doc TEXT` holding the JSON document),
 * filters translated to SQL by sql.ts, updates applied in JavaScript inside a write transaction.
 *
 * Differences from MongoDB that the port cannot hide, and how they are handled:
 * - `$regex` uses JavaScript regular expressions, MongoDB uses PCRE (keep to their common syntax).
 * - `updateMany` is atomic here (all or nothing); on MongoDB a failure part-way leaves earlier documents updated.
 * - Sorts on fields that are in no index of the collection are done in memory (as MongoDB does without an
 *   index), with MongoDB's order of values; sorts on indexed fields use the index.
 * Everything else (index rules, upsert documents, error codes) is enforced identically on both stores.
 */

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError, isAppError } from '../errors';
import { applyProjection, applyUpdate, buildUpsertDocument, newId, sortDocuments, upsertEqualities } from './update';
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
  validateCollectionName,
  type FilterNode,
  type IndexSpec,
  type JsonObject,
  type ParsedFindOptions,
  type SortKey,
} from './validate';
import { notADatabase, preflight } from './embeddedPreflight';
import { createIndexSql, indexViolationSql, orderBy, registerFunctions, SqlWhere, tableName, type SqlParam } from './sql';
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

/** The database file inside the data directory. */
export const STORE_FILE = 'store.sqlite';

const STATEMENT_CACHE_LIMIT = 256;
/** PRAGMA auto_vacuum's value for incremental vacuum. */
const INCREMENTAL_VACUUM = 2;
/** Pages given back to the file system in one step of reclaimSpace (a megabyte at the usual 4 KB page). */
const RECLAIM_PAGES_PER_STEP = 256;
const META_TABLE = 'store_indexes';

/** A write waiting for the next group commit. */
interface PendingWrite {
  collection: string;
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface UpdateOutcome {
  matched: number;
  modified: number;
  upsertedId: string | null;
  before: JsonObject | null;
  after: JsonObject | null;
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

function unusable(target: string, reason: string): AppError {
  return new AppError('DATA_DIR_UNUSABLE', `the data directory cannot be used: ${target}: ${reason}`);
}

/**
 * The database holds personal data (names, phone numbers, what citizens said): only the service's own user may
 * read it, whatever the umask. A new database is created empty with that mode; an existing one, and its log and
 * index (which SQLite creates with the database's mode), are narrowed to it. Called only once the files were
 * judged healthy: a refused start changes nothing.
 */
function ownerOnly(file: string): void {
  try {
    if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'wx', 0o600));
    for (const part of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(part)) fs.chmodSync(part, 0o600);
  } catch (error) {
    throw unusable(file, `cannot make it readable by its owner only (${errorCode(error)})`);
  }
}

// Creates the data directory if missing; refuses one that is not a writable directory.
function prepareDataDir(dir: string): string {
  const file = path.join(dir, STORE_FILE);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw unusable(dir, errorCode(error));
    try {
      // Only its owner may enter it: it holds personal data and the service's keys.
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      stat = fs.statSync(dir);
    } catch (mkdirError) {
      throw unusable(dir, `cannot create it (${errorCode(mkdirError)})`);
    }
  }
  if (!stat.isDirectory()) throw unusable(dir, 'it is not a directory');
  try {
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
  } catch (error) {
    throw unusable(dir, `it is not writable (${errorCode(error)})`);
  }
  if (fs.existsSync(file)) {
    if (!fs.statSync(file).isFile()) throw unusable(file, 'it is not a regular file');
    try {
      fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    } catch (error) {
      throw unusable(file, `it is not readable and writable (${errorCode(error)})`);
    }
  }
  return file;
}

function mapOpenError(error: unknown, file: string): unknown {
  if (error instanceof AppError) return error;
  const code = errorCode(error);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return notADatabase(file, code);
  if (code.startsWith('SQLITE_')) return unusable(file, code);
  return error;
}

// Maps SQLite failures during operations to coded errors; messages name no values.
function mapRuntimeError(error: unknown, collection: string): unknown {
  // Checked by name, not instanceof: the native addon keeps the SqliteError class (and Error) of the first module
  // instance that loaded it, which is not ours when modules are re-evaluated in another realm (test sandboxes).
  const sqlite = error as { name?: unknown; message?: unknown } | null;
  if (sqlite?.name !== 'SqliteError') return error;
  const code = errorCode(error);
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
    const match = /index '(?:ix:[^:]*:)?([^']*)'/.exec(String(sqlite.message));
    return new AppError('STORE_DUPLICATE_KEY', `duplicate key in ${collection} on index ${match ? match[1] : '_id_'}`);
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new AppError('STORE_CORRUPT', `the embedded store reported ${code} while working on ${collection}`, { cause: error });
  }
  if (/^SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN|PERM)/.test(code)) {
    return new AppError('STORE_UNAVAILABLE', `the embedded store cannot work on ${collection} (${code})`, { cause: error });
  }
  return error;
}

function parseDoc(text: string): JsonObject {
  return JSON.parse(text) as JsonObject;
}

/**
 * The embedded store. Open with `EmbeddedStore.open(dataDir)`. Operations run synchronously inside the
 * returned promises (SQLite in-process), so each one is atomic with respect to the others.
 */
export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;

  private readonly statements = new Map<string, Database.Statement<SqlParam[], unknown>>();
  private indexes = new Map<string, IndexSpec[]>();
  private tables = new Set<string>();
  private schemaVersion = -1;
  private closed = false;
  // Made once: building a statement or a transaction wrapper costs more than a small read or write itself.
  private readonly schemaVersionStatement: Database.Statement<[], number>;
  private readonly writeTransaction: Database.Transaction<(work: () => unknown) => unknown>;
  private pendingWrites: PendingWrite[] = [];
  private flushScheduled = false;

  private constructor(
    private readonly db: Database.Database,
    /** Absolute path of the database file. */
    readonly file: string,
  ) {
    this.schemaVersionStatement = db.prepare<[], number>('PRAGMA schema_version').pluck();
    this.writeTransaction = db.transaction((work: () => unknown) => work());
  }

  /** Runs work in one IMMEDIATE transaction: the write lock is taken first, so reads inside see the final state. */
  private inWriteTransaction<R>(work: () => R): R {
    return this.writeTransaction.immediate(work) as R;
  }

  /**
   * Opens (creating if needed) `store.sqlite` in `dataDir`. Rejects with DATA_DIR_UNUSABLE when the directory
   * cannot be created or written, and with STORE_CORRUPT, leaving every file as it is, when the files are not a
   * healthy SQLite database and its log (embeddedPreflight.ts).
   */
  static async open(dataDir: string): Promise<EmbeddedStore> {
    const file = prepareDataDir(path.resolve(dataDir));
    const found = preflight(file);
    let db: Database.Database;
    try {
      ownerOnly(file);
      db = new Database(file);
    } catch (error) {
      throw mapOpenError(error, file);
    }
    try {
      // Only a database without tables can take it: a new store gives the pages it no longer uses back to the
      // file system (see reclaimSpace); an older store keeps its size and reuses its free pages.
      if (found === 'new') db.pragma('auto_vacuum = INCREMENTAL');
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw unusable(file, `cannot use write-ahead logging (journal mode ${String(mode)})`);
      // NORMAL, not FULL: in WAL mode a commit is in the log file (in the OS page cache) before it returns, so a
      // crash or kill -9 of the process loses nothing; only a power loss can drop the last commits (never
      // corrupting the file). FULL would add an fsync per commit and cut write throughput several-fold.
      db.pragma('synchronous = NORMAL');
      // Deleted documents (purged photos, idle bot state) are overwritten with zeros, not left readable in free
      // pages of the file.
      db.pragma('secure_delete = ON');
      db.pragma('busy_timeout = 5000');
      registerFunctions(db);
      db.exec(`CREATE TABLE IF NOT EXISTS ${META_TABLE} (collection TEXT NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL, PRIMARY KEY (collection, name))`);
    } catch (error) {
      db.close();
      throw mapOpenError(error, file);
    }
    const store = new EmbeddedStore(db, file);
    store.refreshSchema();
    return store;
  }

  collection<T extends BaseDocument>(name: string): Collection<T> {
    return new EmbeddedCollection<T>(this, validateCollectionName(name));
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.db.prepare('SELECT 1').get();
  }

  /**
   * Returns the free pages of a store created with incremental vacuum to the file system (an older store reuses
   * them instead), then copies the log into the database and truncates it: the log's older frames still hold
   * deleted documents as they were. Deleted content itself was already zeroed as it was deleted (secure_delete).
   * Done a megabyte at a time, so requests are served in between: 300 MB at once would hold the thread for seconds.
   */
  async reclaimSpace(): Promise<void> {
    this.assertOpen();
    try {
      if (this.db.pragma('auto_vacuum', { simple: true }) === INCREMENTAL_VACUUM) {
        let free = this.db.pragma('freelist_count', { simple: true }) as number;
        while (free > 0) {
          this.db.pragma(`incremental_vacuum(${RECLAIM_PAGES_PER_STEP})`);
          await new Promise((resolve) => setImmediate(resolve));
          if (this.closed) return;
          const left = this.db.pragma('freelist_count', { simple: true }) as number;
          if (left >= free) break;
          free = left;
        }
      }
      this.flushWrites();
      // Another connection reading at this moment keeps the log from being truncated; the next purge tries again.
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      throw mapRuntimeError(error, '(reclaim space)');
    }
  }

  /** Checkpoints the log into the database file and closes it. Closing a closed store does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.flushWrites();
    this.closed = true;
    this.statements.clear();
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
    }
  }

  /** Diagnostics: SQLite's query plan for a `find`, one line per step (used by tests and benchmarks). */
  explainFind(collection: string, filter: Filter, options?: FindOptions): string[] {
    return this.run(validateCollectionName(collection), () => {
      const { sql, params } = this.findSql(collection, parseFilter(filter), parseFindOptions(options));
      const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
      return rows.map((row) => row.detail);
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Operations, called by EmbeddedCollection. Synchronous; the collection wraps them in promises.

  /** Runs an operation on an open store, with SQLite errors mapped to coded ones. */
  run<R>(collection: string, operation: () => R): R {
    this.assertOpen();
    try {
      // The schema is re-read inside write transactions only: a read that does not know of an index created by
      // another process still gives the right answer (its SQL is merely the general, array-aware form).
      this.ensureTable(collection);
      return operation();
    } catch (error) {
      throw mapRuntimeError(error, collection);
    }
  }

  /**
   * Runs a write with the other writes issued at the same moment, in one transaction (group commit): each
   * write in its own savepoint, so one failing (a duplicate key) fails alone; every promise settles only after
   * the commit, so an acknowledged write is durable. Under load this turns many commits — each a write to the
   * log file — into one.
   */
  runWrite<R>(collection: string, operation: () => R): Promise<R> {
    try {
      this.assertOpen();
      // Tables are created outside the batch: a rolled-back savepoint must not take a table with it.
      this.ensureTable(collection);
    } catch (error) {
      return Promise.reject(mapRuntimeError(error, collection));
    }
    return new Promise<R>((resolve, reject) => {
      this.pendingWrites.push({ collection, work: operation, resolve: resolve as (value: unknown) => void, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flushWrites());
      }
    });
  }

  private flushWrites(): void {
    this.flushScheduled = false;
    const batch = this.pendingWrites;
    this.pendingWrites = [];
    if (batch.length === 0) return;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.inWriteTransaction(() => {
        for (const write of batch) {
          try {
            // A transaction function called inside a transaction runs in a savepoint.
            outcomes.push({ ok: true, value: this.writeTransaction(write.work) });
          } catch (error) {
            outcomes.push({ ok: false, error: mapRuntimeError(error, write.collection) });
          }
        }
      });
    } catch (error) {
      for (const write of batch) write.reject(mapRuntimeError(error, write.collection));
      return;
    }
    batch.forEach((write, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) write.resolve(outcome.value);
      else write.reject(outcome.error);
    });
  }

  /** For the collection handle: validates and inserts one document. */
  insertOne(collection: string, raw: unknown): InsertOneResult {
    const cleaned = cleanDocument(raw);
    const { _id: given, ...rest } = cleaned;
    const doc: JsonObject = { _id: typeof given === 'string' ? given : newId(), ...rest };
    this.inWriteTransaction(() => {
      // Inside the write lock, the index rules are those of the schema the row is written into.
      this.refreshSchema();
      checkDocumentAgainstIndexes(doc, this.indexesOf(collection), collection);
      this.statement(`INSERT INTO ${tableName(collection)} (_id, doc) VALUES (?, ?)`).run(doc._id as string, JSON.stringify(doc));
    });
    return { insertedId: doc._id as string };
  }

  /** For the collection handle: the documents matching a validated filter, sorted, paged and projected. */
  find(collection: string, filter: FilterNode, options: ParsedFindOptions): JsonObject[] {
    const { sql, params, sortInMemory } = this.findSql(collection, filter, options);
    let docs = (this.statement(sql).all(...params) as Array<{ doc: string }>).map((row) => parseDoc(row.doc));
    if (sortInMemory) {
      sortDocuments(docs, options.sort);
      docs = docs.slice(options.skip, options.limit === 0 ? undefined : options.skip + options.limit);
    }
    return docs.map((doc) => applyProjection(doc, options.projection));
  }

  /** For the collection handle: how many documents match a validated filter. */
  count(collection: string, filter: FilterNode): number {
    const where = new SqlWhere(this.indexedPaths(collection));
    const sql = `SELECT count(*) AS n FROM ${tableName(collection)} WHERE ${where.build(filter)}`;
    return (this.statement(sql).get(...where.params) as { n: number }).n;
  }

  /** For the collection handle: deletes the first (or every) document matching a validated filter. */
  delete(collection: string, filter: FilterNode, many: boolean): DeleteResult {
    const where = new SqlWhere(this.indexedPaths(collection));
    const table = tableName(collection);
    const condition = where.build(filter);
    const sql = many
      ? `DELETE FROM ${table} WHERE ${condition}`
      : `DELETE FROM ${table} WHERE rowid = (SELECT rowid FROM ${table} WHERE ${condition} LIMIT 1)`;
    return { deletedCount: this.statement(sql).run(...where.params).changes };
  }

  /**
   * For the collection handle: validates and applies an update to the first (or every) matching document, in
   * one write transaction, inserting the upsert document when nothing matches and `upsert` is set.
   */
  update(
    collection: string,
    filterRaw: unknown,
    updateRaw: unknown,
    mode: { many: boolean; upsert: boolean; sort: readonly SortKey[] },
  ): UpdateOutcome {
    const filter = parseFilter(filterRaw);
    const ops = parseUpdate(updateRaw);
    const indexes = this.indexesOf(collection);
    checkUpdateAgainstIndexes(ops, indexes, collection);

    // The document an upsert would insert is built and checked before looking for a match, so that whether an
    // upsert is acceptable does not depend on the data (MongoDB, which sees no documents beforehand, does the
    // same). Only an update that cannot apply to the seed waits: a matching document might accept it.
    let upsertDoc: JsonObject | null = null;
    let upsertFailure: AppError | null = null;
    if (mode.upsert) {
      try {
        upsertDoc = buildUpsertDocument(filter, ops, newId());
      } catch (error) {
        if (!isAppError(error, 'STORE_UPDATE_NOT_APPLICABLE')) throw error;
        upsertFailure = error;
      }
      if (upsertDoc !== null) checkDocumentAgainstIndexes(upsertDoc, indexes, collection);
    }

    return this.inWriteTransaction((): UpdateOutcome => {
      // Another connection may have added an index since the checks above; its rules apply from now on.
      this.refreshSchema();
      const current = this.indexesOf(collection);
      if (current !== indexes) {
        checkUpdateAgainstIndexes(ops, current, collection);
        if (upsertDoc !== null) checkDocumentAgainstIndexes(upsertDoc, current, collection);
      }
      const targets = this.selectForUpdate(collection, filter, mode.many, mode.sort);
      if (targets.length === 0) {
        if (!mode.upsert) return { matched: 0, modified: 0, upsertedId: null, before: null, after: null };
        if (upsertDoc === null) throw upsertFailure ?? new AppError('STORE_UPDATE_NOT_APPLICABLE', 'the upsert document could not be built');
        const id = upsertDoc._id as string;
        this.statement(`INSERT INTO ${tableName(collection)} (_id, doc) VALUES (?, ?)`).run(id, JSON.stringify(upsertDoc));
        return { matched: 0, modified: 0, upsertedId: id, before: null, after: upsertDoc };
      }
      let modified = 0;
      let first: JsonObject | null = null;
      for (const target of targets) {
        const next = cleanDocument(applyUpdate(target, ops, false));
        checkDocumentAgainstIndexes(next, current, collection);
        const text = JSON.stringify(next);
        if (text !== JSON.stringify(target)) {
          this.statement(`UPDATE ${tableName(collection)} SET doc = ? WHERE _id = ?`).run(text, next._id as string);
          modified += 1;
        }
        first ??= next;
      }
      return { matched: targets.length, modified, upsertedId: null, before: targets[0], after: first };
    });
  }

  /**
   * For the collection handle: replaces the first matching document whole, or inserts the replacement when
   * nothing matches and `upsert` is set (parseReplacement settles its `_id`).
   */
  replace(collection: string, filterRaw: unknown, replacementRaw: unknown, upsert: boolean): UpdateOutcome {
    const filter = parseFilter(filterRaw);
    const { id, fields } = parseReplacement(replacementRaw, upsertEqualities(filter).find((e) => e.dotted === '_id')?.value, upsert);
    return this.inWriteTransaction((): UpdateOutcome => {
      this.refreshSchema();
      const indexes = this.indexesOf(collection);
      // Checked before looking for a match, as MongoStore must (it sees no document before writing).
      checkDocumentAgainstIndexes({ _id: id ?? '', ...fields }, indexes, collection);
      const [target] = this.selectForUpdate(collection, filter, false, []);
      const table = tableName(collection);
      if (target === undefined) {
        if (!upsert || id === undefined) return { matched: 0, modified: 0, upsertedId: null, before: null, after: null };
        const inserted: JsonObject = { _id: id, ...fields };
        this.statement(`INSERT INTO ${table} (_id, doc) VALUES (?, ?)`).run(id, JSON.stringify(inserted));
        return { matched: 0, modified: 0, upsertedId: id, before: null, after: inserted };
      }
      if (id !== undefined && id !== target._id) {
        throw new AppError('STORE_UPDATE_NOT_APPLICABLE', "the replacement's _id differs from the matched document's; _id cannot be changed");
      }
      const next: JsonObject = { _id: target._id, ...fields };
      const text = JSON.stringify(next);
      const modified = text === JSON.stringify(target) ? 0 : 1;
      if (modified === 1) this.statement(`UPDATE ${table} SET doc = ? WHERE _id = ?`).run(text, target._id as string);
      return { matched: 1, modified, upsertedId: null, before: target, after: next };
    });
  }

  /** For the collection handle: creates a validated index (a no-op when the same one exists); returns its name. */
  createIndex(collection: string, spec: IndexSpec): string {
    if (isIdIndex(spec)) return '_id_';
    let created = false;
    this.inWriteTransaction(() => {
      // Checked inside the write lock: another connection may be creating the same index.
      this.refreshSchema();
      if (indexExists(this.indexesOf(collection), spec, collection)) return;
      created = true;
      if (this.db.prepare(indexViolationSql(collection, spec)).get() !== undefined) {
        const unique = spec.unique ? '; unique-indexed fields must be present and not null' : '';
        throw new AppError(
          'STORE_INVALID_DOCUMENT',
          `cannot create index ${spec.name} on ${collection}: a stored document breaks the index rules (indexed fields must hold scalars${unique})`,
        );
      }
      this.db.exec(createIndexSql(collection, spec));
      const keys = spec.keys.map((key) => [key.path.dotted, key.direction]);
      this.db
        .prepare(`INSERT INTO ${META_TABLE} (collection, name, spec) VALUES (?, ?, ?)`)
        .run(collection, spec.name, JSON.stringify({ keys, unique: spec.unique }));
    });
    if (created) this.refreshSchema();
    return spec.name;
  }

  // -------------------------------------------------------------------------------------------------------

  private assertOpen(): void {
    if (this.closed) throw new AppError('STORE_CLOSED', 'the embedded store is closed');
  }

  private statement(sql: string): Database.Statement<SqlParam[], unknown> {
    let statement = this.statements.get(sql);
    if (statement !== undefined) {
      // Re-inserting keeps the map in least-recently-used order for eviction.
      this.statements.delete(sql);
    } else {
      statement = this.db.prepare<SqlParam[], unknown>(sql);
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.delete(this.statements.keys().next().value as string);
    }
    this.statements.set(sql, statement);
    return statement;
  }

  // Reloads tables and index definitions when the schema changed, including by another connection (a
  // maintenance script creating an index must not leave this process unaware of its rules).
  private refreshSchema(): void {
    const version = this.schemaVersionStatement.get() as number;
    if (version === this.schemaVersion) return;
    const tables = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'").all() as Array<{ name: string }>;
    this.tables = new Set(tables.map((row) => row.name.slice(2)));
    const indexes = new Map<string, IndexSpec[]>();
    const rows = this.db.prepare(`SELECT collection, name, spec FROM ${META_TABLE} ORDER BY rowid`).all() as Array<{ collection: string; name: string; spec: string }>;
    for (const row of rows) {
      const stored = JSON.parse(row.spec) as { keys: Array<[string, 1 | -1]>; unique: boolean };
      const spec: IndexSpec = {
        name: row.name,
        unique: stored.unique,
        keys: stored.keys.map(([dotted, direction]) => ({ path: parsePath(dotted, 'STORE_CORRUPT'), direction })),
      };
      indexes.set(row.collection, [...(indexes.get(row.collection) ?? []), spec]);
    }
    this.indexes = indexes;
    this.schemaVersion = version;
  }

  private ensureTable(collection: string): void {
    if (this.tables.has(collection)) return;
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${tableName(collection)} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    this.tables.add(collection);
  }

  private indexesOf(collection: string): IndexSpec[] {
    return this.indexes.get(collection) ?? [];
  }

  private indexedPaths(collection: string): Set<string> {
    const paths = new Set<string>();
    for (const index of this.indexesOf(collection)) for (const key of index.keys) paths.add(key.path.dotted);
    return paths;
  }

  private findSql(
    collection: string,
    filter: FilterNode,
    options: ParsedFindOptions,
  ): { sql: string; params: SqlParam[]; sortInMemory: boolean } {
    const indexed = this.indexedPaths(collection);
    const where = new SqlWhere(indexed);
    let sql = `SELECT doc FROM ${tableName(collection)} WHERE ${where.build(filter)}`;
    const order = options.sort.length === 0 ? '' : orderBy(options.sort, indexed);
    if (order === null) return { sql, params: where.params, sortInMemory: true };
    if (order !== '') sql += ` ORDER BY ${order}`;
    if (options.limit === 0 && options.skip === 0) return { sql, params: where.params, sortInMemory: false };
    sql += ' LIMIT ? OFFSET ?';
    return { sql, params: [...where.params, options.limit === 0 ? -1 : options.limit, options.skip], sortInMemory: false };
  }

  private selectForUpdate(collection: string, filter: FilterNode, many: boolean, sort: readonly SortKey[]): JsonObject[] {
    const options: ParsedFindOptions = { sort, skip: 0, limit: many ? 0 : 1, projection: null };
    return this.find(collection, filter, options);
  }
}

// The collection handle: validates arguments and runs the store's operations inside promises.
class EmbeddedCollection<T extends BaseDocument> implements Collection<T> {
  constructor(
    private readonly store: EmbeddedStore,
    readonly name: string,
  ) {}

  async insertOne(doc: InsertDocument<T>): Promise<InsertOneResult> {
    return this.store.runWrite(this.name, () => this.store.insertOne(this.name, doc));
  }

  async findOne(filter: Filter, options?: FindOneOptions): Promise<T | null> {
    return this.store.run(this.name, () => {
      const docs = this.store.find(this.name, parseFilter(filter), parseFindOneOptions(options));
      return docs.length === 0 ? null : (docs[0] as unknown as T);
    });
  }

  find(filter: Filter, options?: FindOptions): Cursor<T> {
    // Like the driver's cursor, nothing runs (and nothing is validated) until the results are asked for.
    return {
      toArray: async () =>
        this.store.run(this.name, () => this.store.find(this.name, parseFilter(filter), parseFindOptions(options)) as unknown as T[]),
    };
  }

  async updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult> {
    return this.store.runWrite(this.name, () => {
      const { upsert } = parseUpdateOptions(options);
      const outcome = this.store.update(this.name, filter, update, { many: false, upsert, sort: [] });
      return { matchedCount: outcome.matched, modifiedCount: outcome.modified, upsertedId: outcome.upsertedId };
    });
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    return this.store.runWrite(this.name, () => {
      const outcome = this.store.update(this.name, filter, update, { many: true, upsert: false, sort: [] });
      return { matchedCount: outcome.matched, modifiedCount: outcome.modified, upsertedId: null };
    });
  }

  async replaceOne(filter: Filter, replacement: InsertDocument<T>, options?: UpdateOptions): Promise<UpdateResult> {
    return this.store.runWrite(this.name, () => {
      const { upsert } = parseUpdateOptions(options);
      const outcome = this.store.replace(this.name, filter, replacement, upsert);
      return { matchedCount: outcome.matched, modifiedCount: outcome.modified, upsertedId: outcome.upsertedId };
    });
  }

  async findOneAndUpdate(filter: Filter, update: Update, options?: FindOneAndUpdateOptions): Promise<T | null> {
    return this.store.runWrite(this.name, () => {
      const o = parseFindOneAndUpdateOptions(options);
      const outcome = this.store.update(this.name, filter, update, { many: false, upsert: o.upsert, sort: o.sort });
      const doc = o.returnDocument === 'after' ? outcome.after : outcome.before;
      return doc === null ? null : (applyProjection(doc, o.projection) as unknown as T);
    });
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    return this.store.runWrite(this.name, () => this.store.delete(this.name, parseFilter(filter), false));
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    return this.store.runWrite(this.name, () => this.store.delete(this.name, parseFilter(filter), true));
  }

  async countDocuments(filter?: Filter): Promise<number> {
    return this.store.run(this.name, () => this.store.count(this.name, parseFilter(filter)));
  }

  async createIndex(keys: SortSpec, options?: IndexOptions): Promise<string> {
    return this.store.runWrite(this.name, () => this.store.createIndex(this.name, parseIndex(keys, options)));
  }
}
