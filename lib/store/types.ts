/**
 * The Store port: a strict subset of the official MongoDB driver's API, so that repository code is written
 * once and runs on MongoDB in production and on the embedded store by default.
 *
 * The subset (anything outside it is an AppError with a STORE_UNSUPPORTED_* code on every implementation):
 * - Documents are JSON values: strings, finite numbers, booleans, null, arrays and plain objects. `_id` is a
 *   string (generated when missing). Times are stored as epoch milliseconds or ISO strings, never Date.
 *   Field names must not start with `$` or contain `.` or NUL. `undefined` fields are dropped.
 * - Filters: equality with a scalar, `$eq`, `$ne`, `$in`, `$nin`, `$gt`, `$gte`, `$lt`, `$lte`, `$exists`,
 *   `$regex` (+ `$options` i, m, s), `$or`, `$and`. Dotted paths address embedded objects. A scalar condition on
 *   a field holding an array matches when an element matches (MongoDB's rule).
 * - Updates: `$set`, `$unset`, `$inc`, `$push` (with `$each`), `$addToSet` (with `$each`), `$setOnInsert`;
 *   or a whole replacement document (replaceOne), whose `_id` may not differ from the matched one.
 * - Fields in an index must hold scalars (no multikey indexes); fields in a unique index must be present.
 */

export type JsonScalar = string | number | boolean | null;
export type JsonValue = JsonScalar | JsonValue[] | { [key: string]: JsonValue };

/** Every stored document has a string `_id`. */
export interface BaseDocument {
  _id: string;
}

/** A document as inserted: `_id` may be left out and is then generated. */
export type InsertDocument<T extends BaseDocument> = Omit<T, '_id'> & { _id?: string };

/** MongoDB filter syntax, checked at run time against the subset above. */
export type Filter = Record<string, unknown>;

/** MongoDB update syntax, checked at run time against the subset above. */
export type Update = Record<string, Record<string, unknown>>;

export type SortSpec = Record<string, 1 | -1>;

/** Inclusion (`{a: 1}`) or exclusion (`{a: 0}`) projection; `_id` is included unless excluded. */
export type Projection = Record<string, 0 | 1>;

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: Projection;
}

export interface FindOneOptions {
  sort?: SortSpec;
  projection?: Projection;
}

export interface UpdateOptions {
  upsert?: boolean;
}

export interface FindOneAndUpdateOptions {
  upsert?: boolean;
  sort?: SortSpec;
  projection?: Projection;
  /** Default 'before', as in the driver. */
  returnDocument?: 'before' | 'after';
}

export interface IndexOptions {
  unique?: boolean;
  name?: string;
}

/** An index a feature needs, declared next to the queries it serves and handed to the store at start-up. */
export interface IndexSpec {
  collection: string;
  keys: SortSpec;
  options?: IndexOptions;
}

export interface InsertOneResult {
  insertedId: string;
}

export interface UpdateResult {
  matchedCount: number;
  modifiedCount: number;
  upsertedId: string | null;
}

export interface DeleteResult {
  deletedCount: number;
}

/** The part of the driver's FindCursor that the port supports. */
export interface Cursor<T> {
  toArray(): Promise<T[]>;
}

export interface Collection<T extends BaseDocument> {
  readonly name: string;
  insertOne(doc: InsertDocument<T>): Promise<InsertOneResult>;
  findOne(filter: Filter, options?: FindOneOptions): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Cursor<T>;
  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update): Promise<UpdateResult>;
  /**
   * Replaces the first matching document whole (its `_id` stays). With `upsert`, inserts the replacement when
   * nothing matches; an upsert needs `_id` in the filter (as an equality) or in the replacement.
   */
  replaceOne(filter: Filter, replacement: InsertDocument<T>, options?: UpdateOptions): Promise<UpdateResult>;
  findOneAndUpdate(filter: Filter, update: Update, options?: FindOneAndUpdateOptions): Promise<T | null>;
  deleteOne(filter: Filter): Promise<DeleteResult>;
  deleteMany(filter: Filter): Promise<DeleteResult>;
  countDocuments(filter?: Filter): Promise<number>;
  /** Idempotent: creating an index that exists with the same keys and options is a no-op. Returns its name. */
  createIndex(keys: SortSpec, options?: IndexOptions): Promise<string>;
}

export interface Store {
  readonly kind: 'embedded' | 'mongodb';
  collection<T extends BaseDocument>(name: string): Collection<T>;
  /** Resolves when the store answers; rejects with STORE_UNAVAILABLE otherwise. Used by /readyz. */
  ping(): Promise<void>;
  /**
   * After a purge: gives the space of deleted documents back where the store can. The embedded store returns its
   * free pages to the file system (stores created since it could; older files keep their size and reuse them)
   * and empties its write-ahead log, which still holds copies of deleted pages. MongoDB reuses the space itself.
   */
  reclaimSpace(): Promise<void>;
  /** Flushes and releases the store. Later calls reject with STORE_CLOSED. */
  close(): Promise<void>;
}
