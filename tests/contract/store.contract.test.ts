/**
 * The Store contract: one suite, run against the embedded store always and against MongoDB when MONGODB_URI is
 * set. Each test works on fresh, uniquely named collections. Conditions that have two SQL forms on the embedded
 * store (plain index lookups for indexed fields, array-aware CASE for the others) run both ways.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { isAppError, type ErrorCode } from '../../lib/errors';
import { rejection } from '../helpers/rejection';
import { EmbeddedStore } from '../../lib/store/embedded';
import { describeMongoUri, MongoStore } from '../../lib/store/mongo';
import type { BaseDocument, Collection, Filter, SortSpec, Store } from '../../lib/store';

type Doc = BaseDocument & Record<string, unknown>;

interface Harness {
  open(): Promise<Store>;
  /** Removes what the suite created. */
  cleanup(collections: readonly string[]): Promise<void>;
}

const embedded = (): Harness => {
  const dirs: string[] = [];
  return {
    async open() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-contract-'));
      dirs.push(dir);
      return EmbeddedStore.open(dir);
    },
    async cleanup() {
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

const mongodb = (uri: string): Harness => ({
  open: () => MongoStore.connect(uri),
  async cleanup(collections) {
    const client = new MongoClient(uri);
    try {
      const db = client.db(describeMongoUri(uri).database);
      for (const name of collections) await db.collection(name).drop().catch(() => undefined);
    } finally {
      await client.close();
    }
  },
});

const harnesses: Array<[string, () => Harness]> = [['embedded', embedded]];
const mongoUri = process.env.MONGODB_URI;
if (mongoUri) harnesses.push(['mongodb', () => mongodb(mongoUri)]);

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  await rejection(promise, code);
}

const sortedIds = (docs: Doc[]): string[] => docs.map((doc) => doc._id).sort();

describe.each(harnesses)('Store contract: %s', (_kind, makeHarness) => {
  const harness = makeHarness();
  const created: string[] = [];
  let store: Store;
  let counter = 0;

  beforeAll(async () => {
    store = await harness.open();
  });

  afterAll(async () => {
    await store.close();
    await harness.cleanup(created);
  });

  /** A fresh collection, with indexes on `indexed` (one single-field index each) when given. */
  async function fresh(indexed: readonly string[] = []): Promise<Collection<Doc>> {
    counter += 1;
    const name = `t${counter}_${randomBytes(4).toString('hex')}`;
    created.push(name);
    const collection = store.collection<Doc>(name);
    for (const field of indexed) await collection.createIndex({ [field]: 1 });
    return collection;
  }

  async function seeded(docs: Doc[], indexed: readonly string[] = []): Promise<Collection<Doc>> {
    const collection = await fresh(indexed);
    for (const doc of docs) await collection.insertOne(doc);
    return collection;
  }

  async function ids(collection: Collection<Doc>, filter: Filter): Promise<string[]> {
    return sortedIds(await collection.find(filter).toArray());
  }

  describe('documents', () => {
    it('generates a 24-hex-character string _id when none is given, and keeps a given one', async () => {
      const c = await fresh();
      const { insertedId } = await c.insertOne({ a: 1 });
      expect(insertedId).toMatch(/^[0-9a-f]{24}$/);
      expect(await c.findOne({ _id: insertedId })).toEqual({ _id: insertedId, a: 1 });
      expect((await c.insertOne({ _id: 'mine', a: 2 })).insertedId).toBe('mine');
      expect(await c.findOne({ _id: 'mine' })).toEqual({ _id: 'mine', a: 2 });
    });

    it('drops undefined fields, stores a copy, and round-trips JSON values (Thai text included)', async () => {
      const c = await fresh();
      const input = { _id: 'd', keep: 'x', gone: undefined, nested: { gone: undefined, n: -0, list: [1, 'สวัสดี', null, { t: true }] } };
      await c.insertOne(input);
      input.nested.list.push(99);
      const stored = await c.findOne({ _id: 'd' });
      expect(stored).toEqual({ _id: 'd', keep: 'x', nested: { n: 0, list: [1, 'สวัสดี', null, { t: true }] } });
      expect(Object.keys(stored ?? {})).toEqual(['_id', 'keep', 'nested']);
      expect(Object.is((stored?.nested as { n: number }).n, 0)).toBe(true);
    });

    it('rejects a second document with the same _id', async () => {
      const c = await fresh();
      await c.insertOne({ _id: 'same' });
      await expectCode(c.insertOne({ _id: 'same', other: 1 }), 'STORE_DUPLICATE_KEY');
      expect(await c.countDocuments()).toBe(1);
    });

    class Point {
      constructor(readonly x: number) {}
    }
    const invalidDocuments: Array<[string, Record<string, unknown>]> = [
      ['a Date', { at: new Date() }],
      ['a Buffer', { data: Buffer.from('x') }],
      ['a class instance', { p: new Point(1) }],
      ['NaN', { n: Number.NaN }],
      ['Infinity', { n: Number.POSITIVE_INFINITY }],
      ['a function', { f: () => 1 }],
      ['a bigint', { b: BigInt(1) }],
      ['a nested Date', { a: { b: [{ c: new Date() }] } }],
      ['a field starting with $', { $set: 1 }],
      ['a nested field starting with $', { a: { $x: 1 } }],
      ['a field with a dot', { 'a.b': 1 }],
      ['a field with NUL', { 'a\0b': 1 }],
      ['undefined in an array', { list: [1, undefined] }],
      ['a numeric _id', { _id: 5 }],
      ['an empty _id', { _id: '' }],
      ['a 513-character _id', { _id: 'x'.repeat(513) }],
      ['a lone surrogate', { s: '\uD800' }],
    ];
    it.each(invalidDocuments)('rejects %s with STORE_INVALID_DOCUMENT', async (_label, doc) => {
      const c = await fresh();
      await expectCode(c.insertOne(doc as Doc), 'STORE_INVALID_DOCUMENT');
      expect(await c.countDocuments()).toBe(0);
    });

    it('accepts a 512-character _id', async () => {
      const c = await fresh();
      const id = 'x'.repeat(512);
      await c.insertOne({ _id: id });
      expect(await c.findOne({ _id: id })).toEqual({ _id: id });
    });

    it.each(['', 'Upper', '1abc', 'a-b', 'a.b', 'x'.repeat(65), 'with space'])('rejects the collection name %j', (name) => {
      let caught: unknown;
      try {
        store.collection(name);
      } catch (error) {
        caught = error;
      }
      expect(isAppError(caught, 'STORE_INVALID_NAME')).toBe(true);
    });
  });

  // Scalars of every type, to check that each comparison only meets values of its own type.
  const typed: Doc[] = [
    { _id: 'n1', v: 1 },
    { _id: 'n15', v: 1.5 },
    { _id: 's1', v: '1' },
    { _id: 'sa', v: 'a' },
    { _id: 't', v: true },
    { _id: 'f', v: false },
    { _id: 'z', v: 0 },
    { _id: 'nul', v: null },
    { _id: 'mis' },
  ];
  const all = typed.map((doc) => doc._id).sort();
  const typedCases: Array<[string, Filter, string[]]> = [
    ['number equality', { v: 1 }, ['n1']],
    ['string equality', { v: '1' }, ['s1']],
    ['true is not 1', { v: true }, ['t']],
    ['false is not 0', { v: false }, ['f']],
    ['0 is not false', { v: 0 }, ['z']],
    ['null matches null and missing', { v: null }, ['mis', 'nul']],
    ['$eq', { v: { $eq: 1.5 } }, ['n15']],
    ['$ne matches missing', { v: { $ne: 1 } }, all.filter((id) => id !== 'n1')],
    ['$ne null', { v: { $ne: null } }, all.filter((id) => id !== 'nul' && id !== 'mis')],
    ['$in mixed', { v: { $in: [1, 'a', null] } }, ['mis', 'n1', 'nul', 'sa']],
    ['$in booleans', { v: { $in: [true] } }, ['t']],
    ['$nin matches missing', { v: { $nin: [true, 0] } }, all.filter((id) => id !== 't' && id !== 'z')],
    ['$in empty', { v: { $in: [] } }, []],
    ['$nin empty', { v: { $nin: [] } }, all],
    ['$gt number', { v: { $gt: 0 } }, ['n1', 'n15']],
    ['$gte number', { v: { $gte: 0 } }, ['n1', 'n15', 'z']],
    ['$lt number', { v: { $lt: 1.5 } }, ['n1', 'z']],
    ['$lte number', { v: { $lte: 1.5 } }, ['n1', 'n15', 'z']],
    ['$gt empty string takes strings only', { v: { $gt: '' } }, ['s1', 'sa']],
    ['$lt string takes strings only', { v: { $lt: 'b' } }, ['s1', 'sa']],
    ['$gte string', { v: { $gte: 'a' } }, ['sa']],
    ['two bounds', { v: { $gt: 0, $lt: 1.5 } }, ['n1']],
    ['$exists true includes null', { v: { $exists: true } }, all.filter((id) => id !== 'mis')],
    ['$exists false', { v: { $exists: false } }, ['mis']],
    ['$regex takes strings only', { v: { $regex: '^1$' } }, ['s1']],
    ['$or', { $or: [{ v: true }, { v: { $gt: 1 } }] }, ['n15', 't']],
    ['$and with nested $or', { $and: [{ v: { $exists: true } }, { v: { $ne: null } }, { $or: [{ v: 0 }, { v: false }] }] }, ['f', 'z']],
    ['implicit and of two fields', { v: 1, _id: 'n1' }, ['n1']],
    ['empty filter', {}, all],
  ];

  describe.each([
    ['not indexed', [] as string[]],
    ['indexed', ['v']],
  ])('scalar conditions, field %s', (_label, indexed) => {
    it.each(typedCases)('%s', async (_name, filter, expected) => {
      const c = await seeded(typed, indexed);
      expect(await ids(c, filter)).toEqual(expected);
      expect(await c.countDocuments(filter)).toBe(expected.length);
    });

    it('sorts values in MongoDB order: null/missing < numbers < strings < booleans', async () => {
      const c = await seeded(typed, indexed);
      const ascending = (await c.find({}, { sort: { v: 1 } }).toArray()).map((doc) => doc._id);
      expect(ascending.slice(0, 2).sort()).toEqual(['mis', 'nul']);
      expect(ascending.slice(2)).toEqual(['z', 'n1', 'n15', 's1', 'sa', 'f', 't']);
      const descending = (await c.find({}, { sort: { v: -1 } }).toArray()).map((doc) => doc._id);
      expect(descending.slice(0, 7)).toEqual(['t', 'f', 'sa', 's1', 'n15', 'n1', 'z']);
      expect(descending.slice(7).sort()).toEqual(['mis', 'nul']);
    });

    it('orders strings by code point (UTF-8 bytes), Thai and astral characters included', async () => {
      const values = ['b', 'B', 'a', 'é', 'ก', 'ข', '€', '\uFFFD', '😀'];
      const c = await seeded(values.map((v, i) => ({ _id: `s${i}`, v })), indexed);
      const sorted = (await c.find({}, { sort: { v: 1 } }).toArray()).map((doc) => doc.v);
      expect(sorted).toEqual(['B', 'a', 'b', 'é', 'ก', 'ข', '€', '\uFFFD', '😀']);
      expect((await c.find({ v: { $gt: '\uFFFD' } }).toArray()).map((doc) => doc.v)).toEqual(['😀']);
      expect((await c.find({ v: { $gte: 'ก', $lt: '€' } }, { sort: { v: -1 } }).toArray()).map((doc) => doc.v)).toEqual(['ข', 'ก']);
    });
  });

  describe.each([
    ['not indexed', [] as string[]],
    ['indexed', ['v']],
  ])('long $in lists, field %s', (_label, indexed) => {
    const filler = Array.from({ length: 1500 }, (_, i) => `other${i}`);
    it.each<[string, Filter, string[]]>([
      ['$in', { v: { $in: [...filler, 1, 'a', true] } }, ['n1', 'sa', 't']],
      ['$in with null', { v: { $in: [...filler, null, 0] } }, ['mis', 'nul', 'z']],
      ['$in is typed', { v: { $in: [...filler, '1', false] } }, ['f', 's1']],
      ['$nin', { v: { $nin: [...filler, 1, 'a', true, null] } }, ['f', 'n15', 's1', 'z']],
      ['_id $in', { _id: { $in: [...filler, 'n1', 't', 5] } }, ['n1', 't']],
    ])('%s', async (_name, filter, expected) => {
      const c = await seeded(typed, indexed);
      expect(await ids(c, filter)).toEqual(expected);
    });

    it('matches array elements through long lists', async () => {
      const c = await seeded([
        { _id: 'x', tags: ['p', 'q'] },
        { _id: 'y', tags: [] },
        { _id: 'z', o: [{ k: 2 }] },
      ]);
      expect(await ids(c, { tags: { $in: [...filler, 'q'] } })).toEqual(['x']);
      expect(await ids(c, { 'o.k': { $in: [...filler, 2] } })).toEqual(['z']);
    });
  });

  describe('arrays (a condition matches when an element does)', () => {
    const docs: Doc[] = [
      { _id: 'a1', tags: ['x', 'y'], n: [1, 10] },
      { _id: 'a2', tags: 'x', n: 5 },
      { _id: 'a3', tags: [], n: [] },
      { _id: 'a4', tags: [null], n: [[7]] },
      { _id: 'a5', tags: ['z'], n: [3, 'q'] },
      { _id: 'a6' },
    ];
    it.each<[string, Filter, string[]]>([
      ['element equality', { tags: 'x' }, ['a1', 'a2']],
      ['$ne excludes arrays holding the value', { tags: { $ne: 'x' } }, ['a3', 'a4', 'a5', 'a6']],
      ['null matches [null] and missing, not []', { tags: null }, ['a4', 'a6']],
      ['$in', { tags: { $in: ['y', 'z'] } }, ['a1', 'a5']],
      ['$nin', { tags: { $nin: ['y', 'z'] } }, ['a2', 'a3', 'a4', 'a6']],
      ['$exists on an empty array', { tags: { $exists: true } }, ['a1', 'a2', 'a3', 'a4', 'a5']],
      ['$gt on elements', { n: { $gt: 5 } }, ['a1']],
      ['each bound by any element', { n: { $gt: 5, $lt: 8 } }, ['a1']],
      ['nested arrays are not entered', { n: 7 }, []],
      ['$lt on elements, numbers only', { n: { $lt: 4 } }, ['a1', 'a5']],
      ['$gte mixes arrays and scalars', { n: { $gte: 5 } }, ['a1', 'a2']],
      ['$regex on elements', { n: { $regex: 'q' } }, ['a5']],
    ])('%s', async (_name, filter, expected) => {
      const c = await seeded(docs);
      expect(await ids(c, filter)).toEqual(expected);
    });

    it('sorts arrays by their smallest element ascending and largest descending; [] first', async () => {
      const c = await seeded([
        { _id: 'p', x: [5, 1] },
        { _id: 'q', x: 3 },
        { _id: 'r', x: [4] },
        { _id: 's', x: [] },
      ]);
      expect((await c.find({}, { sort: { x: 1 } }).toArray()).map((doc) => doc._id)).toEqual(['s', 'p', 'q', 'r']);
      expect((await c.find({}, { sort: { x: -1 } }).toArray()).map((doc) => doc._id)).toEqual(['p', 'r', 'q', 's']);
    });
  });

  describe('dotted paths', () => {
    const docs: Doc[] = [
      { _id: 'd1', a: { b: 1, c: { d: 'x' } } },
      { _id: 'd2', a: { b: 2 } },
      { _id: 'd3', a: 5 },
      { _id: 'd4', a: [{ b: 1 }, { b: 3 }] },
      { _id: 'd5', a: [{}, { b: 5 }] },
      { _id: 'd6', a: [] },
      { _id: 'd7', a: [5, { b: 6 }] },
      { _id: 'd8' },
      { _id: 'd9', a: [{ b: [7, 8] }] },
    ];
    it.each<[string, Filter, string[]]>([
      ['equality in objects and arrays of objects', { 'a.b': 1 }, ['d1', 'd4']],
      ['range through arrays', { 'a.b': { $gte: 3 } }, ['d4', 'd5', 'd7', 'd9']],
      ['null: missing in an object of an array, not [] nor scalar elements', { 'a.b': null }, ['d3', 'd5', 'd8']],
      ['$exists true through arrays', { 'a.b': { $exists: true } }, ['d1', 'd2', 'd4', 'd5', 'd7', 'd9']],
      ['$exists false through arrays', { 'a.b': { $exists: false } }, ['d3', 'd6', 'd8']],
      ['three levels', { 'a.c.d': 'x' }, ['d1']],
      ['$ne through arrays', { 'a.b': { $ne: 1 } }, ['d2', 'd3', 'd5', 'd6', 'd7', 'd8', 'd9']],
      ['array at the end of a path through an array', { 'a.b': 8 }, ['d9']],
      ['$in through arrays', { 'a.b': { $in: [2, 6] } }, ['d2', 'd7']],
    ])('%s', async (_name, filter, expected) => {
      const c = await seeded(docs);
      expect(await ids(c, filter)).toEqual(expected);
    });

    it('answers indexed nested paths with the same results', async () => {
      const c = await seeded(
        [
          { _id: 'x1', m: { k: 1, s: 'a' } },
          { _id: 'x2', m: { k: 2 } },
          { _id: 'x3', m: 7 },
          { _id: 'x4' },
        ],
        ['m.k'],
      );
      expect(await ids(c, { 'm.k': 1 })).toEqual(['x1']);
      expect(await ids(c, { 'm.k': null })).toEqual(['x3', 'x4']);
      expect(await ids(c, { 'm.k': { $ne: 1 } })).toEqual(['x2', 'x3', 'x4']);
      expect(await ids(c, { 'm.k': { $exists: true } })).toEqual(['x1', 'x2']);
      expect(await ids(c, { 'm.k': { $gte: 2 } })).toEqual(['x2']);
    });
  });

  describe("MongoDB's null semantics (cases from its jstests/core/query/null_query_semantics.js)", () => {
    const docs: Doc[] = [
      { _id: 'a_empty_subobject', a: {} },
      { _id: 'a_null', a: null },
      { _id: 'a_number', a: 4 },
      { _id: 'a_subobject_b_not_null', a: { b: 'hi' } },
      { _id: 'a_subobject_b_null', a: { b: null } },
      { _id: 'no_a' },
      { _id: 'a_double_array', a: [[]] },
      { _id: 'a_empty_array', a: [] },
      { _id: 'a_object_array_b_mix_null_missing', a: [{ b: null }, { b: null }, {}] },
      { _id: 'a_object_array_no_b_nulls', a: [{ b: 1 }, { b: 3 }, { b: 'string' }] },
      { _id: 'a_object_array_some_b_nulls', a: [{ b: null }, { b: 3 }, { b: null }] },
      { _id: 'a_object_array_some_b_missing', a: [{ b: 3 }, {}] },
      { _id: 'a_value_array_all_nulls', a: [null, null] },
      { _id: 'a_value_array_no_nulls', a: [1, 'string', 4] },
      { _id: 'a_value_array_with_null', a: [1, 'string', null, 4] },
    ];
    const everything = docs.map((doc) => doc._id).sort();
    const but = (excluded: string[]): string[] => everything.filter((id) => !excluded.includes(id));
    const aNull = ['a_null', 'a_value_array_all_nulls', 'a_value_array_with_null', 'no_a'];
    const abNull = [
      'a_empty_subobject',
      'a_null',
      'a_number',
      'a_object_array_b_mix_null_missing',
      'a_object_array_some_b_missing',
      'a_object_array_some_b_nulls',
      'a_subobject_b_null',
      'no_a',
    ];
    it.each<[string, Filter, string[]]>([
      ['{a: null}', { a: null }, aNull],
      ['{a: {$ne: null}}', { a: { $ne: null } }, but(aNull)],
      ['{a: {$in: [null, 75]}}', { a: { $in: [null, 75] } }, aNull],
      ['{a: {$nin: [null, 75]}}', { a: { $nin: [null, 75] } }, but(aNull)],
      ['{a: {$exists: false}}', { a: { $exists: false } }, ['no_a']],
      ['{"a.b": null}', { 'a.b': null }, abNull],
      ['{"a.b": {$ne: null}}', { 'a.b': { $ne: null } }, but(abNull)],
      ['{"a.b": {$in: [null, 75]}}', { 'a.b': { $in: [null, 75] } }, abNull],
      ['{"a.b": {$nin: [null, 75]}}', { 'a.b': { $nin: [null, 75] } }, but(abNull)],
      ['{$or: [{"a.b": null}, {"a.b": 75}]}', { $or: [{ 'a.b': null }, { 'a.b': 75 }] }, abNull],
    ])('%s', async (_name, filter, expected) => {
      const c = await seeded(docs);
      expect(await ids(c, filter)).toEqual([...expected].sort());
    });

    it('projects {"a.b": 1} as MongoDB does', async () => {
      const c = await seeded(docs);
      const projected = await c.find({ 'a.b': null }, { projection: { _id: 0, 'a.b': 1 }, sort: { _id: 1 } }).toArray();
      expect(projected).toEqual([
        { a: {} },
        {},
        {},
        { a: [{ b: null }, { b: null }, {}] },
        { a: [{ b: 3 }, {}] },
        { a: [{ b: null }, { b: 3 }, { b: null }] },
        { a: { b: null } },
        {},
      ]);
      const scalars = await c.find({ _id: { $in: ['a_value_array_no_nulls', 'a_double_array'] } }, { projection: { _id: 0, 'a.b': 1 }, sort: { _id: 1 } }).toArray();
      expect(scalars).toEqual([{ a: [[]] }, { a: [] }]);
    });
  });

  describe('$regex', () => {
    const docs: Doc[] = [
      { _id: 'r1', s: 'Hello World' },
      { _id: 'r2', s: 'hello\nworld' },
      { _id: 'r3', s: ['abc', 'HELLO'] },
      { _id: 'r4', s: 42 },
      { _id: 'r5', s: 'สวัสดีครับ' },
    ];
    it.each<[string, Filter, string[]]>([
      ['string pattern', { s: { $regex: '^hello' } }, ['r2']],
      ['$options i', { s: { $regex: '^hello', $options: 'i' } }, ['r1', 'r2', 'r3']],
      ['RegExp with flag i', { s: { $regex: /^hello/i } }, ['r1', 'r2', 'r3']],
      ['$options m', { s: { $regex: '^world', $options: 'm' } }, ['r2']],
      ['without m, ^ is the start only', { s: { $regex: '^world' } }, []],
      ['$options s', { s: { $regex: 'hello.world', $options: 's' } }, ['r2']],
      ['RegExp with flags i and s', { s: { $regex: /hello.world/is } }, ['r1', 'r2']],
      ['Thai text', { s: { $regex: '^สวัสดี' } }, ['r5']],
      ['numbers never match', { s: { $regex: '4' } }, []],
      ['array elements', { s: { $regex: /B/i } }, ['r3']],
      ['with another condition', { s: { $regex: 'o', $ne: 'Hello World' } }, ['r2']],
    ])('%s', async (_name, filter, expected) => {
      const c = await seeded(docs);
      expect(await ids(c, filter)).toEqual(expected);
    });

    it('works on indexed fields and on _id', async () => {
      const c = await seeded(
        [
          { _id: 'alpha', s: 'Queue' },
          { _id: 'beta', s: 'queued' },
          { _id: 'gamma', s: 'live' },
        ],
        ['s'],
      );
      expect(await ids(c, { s: { $regex: '^queue', $options: 'i' } })).toEqual(['alpha', 'beta']);
      expect(await ids(c, { _id: { $regex: 'a$' } })).toEqual(['alpha', 'beta', 'gamma']);
      expect(await ids(c, { _id: { $regex: '^[ab]' } })).toEqual(['alpha', 'beta']);
    });
  });

  describe('_id conditions', () => {
    it.each<[string, Filter, string[]]>([
      ['$in ignores non-strings', { _id: { $in: ['a', 'c', 5] } }, ['a', 'c']],
      ['$gt on strings', { _id: { $gt: 'a' } }, ['b', 'c']],
      ['$lt with a number matches nothing', { _id: { $lt: 5 } }, []],
      ['a number matches nothing', { _id: 5 }, []],
      ['null matches nothing', { _id: null }, []],
      ['$exists false matches nothing', { _id: { $exists: false } }, []],
      ['$ne', { _id: { $ne: 'a' } }, ['b', 'c']],
      ['$nin', { _id: { $nin: ['a', 'b'] } }, ['c']],
    ])('%s', async (_name, filter, expected) => {
      const c = await seeded([{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }]);
      expect(await ids(c, filter)).toEqual(expected);
    });
  });

  describe.each([
    ['not indexed', false],
    ['indexed', true],
  ])('sort, skip, limit (%s)', (_label, withIndex) => {
    const docs: Doc[] = Array.from({ length: 30 }, (_, i) => ({ _id: `k${String(i).padStart(2, '0')}`, g: 'ABC'[i % 3], t: (i * 7) % 30 }));
    const expected = (sort: SortSpec, skip: number, limit: number): string[] => {
      const [[first, firstDir], [second, secondDir]] = Object.entries(sort);
      return [...docs]
        .sort((a, b) => {
          const x = a[first] as string | number;
          const y = b[first] as string | number;
          if (x !== y) return (x < y ? -1 : 1) * firstDir;
          const u = a[second] as number;
          const w = b[second] as number;
          return (u - w) * secondDir;
        })
        .slice(skip, limit === 0 ? undefined : skip + limit)
        .map((doc) => doc._id);
    };

    it.each<[SortSpec, number, number]>([
      [{ g: 1, t: -1 }, 2, 5],
      [{ g: -1, t: 1 }, 0, 7],
      [{ g: 1, t: 1 }, 28, 10],
      [{ g: -1, t: -1 }, 5, 0],
    ])('sort %j skip %d limit %d', async (sort, skip, limit) => {
      const c = await fresh();
      if (withIndex) await c.createIndex({ g: 1, t: -1 });
      for (const doc of docs) await c.insertOne(doc);
      const found = await c.find({}, { sort, skip, limit }).toArray();
      expect(found.map((doc) => doc._id)).toEqual(expected(sort, skip, limit));
      const filtered = await c.find({ g: 'B' }, { sort: { t: 1 }, limit: 3 }).toArray();
      expect(filtered.map((doc) => doc.t)).toEqual(docs.filter((doc) => doc.g === 'B').map((doc) => doc.t as number).sort((a, b) => a - b).slice(0, 3));
    });

    it('findOne takes the first document in sort order', async () => {
      const c = await fresh();
      if (withIndex) await c.createIndex({ g: 1, t: -1 });
      for (const doc of docs) await c.insertOne(doc);
      expect((await c.findOne({ g: 'C' }, { sort: { t: -1 } }))?.t).toBe(Math.max(...docs.filter((d) => d.g === 'C').map((d) => d.t as number)));
    });
  });

  describe('projection', () => {
    const doc: Doc = { _id: 'p', a: 1, b: { c: 2, d: 3 }, arr: [{ x: 1, y: 2 }, { x: 3 }, 5], e: 'e' };
    it.each<[string, Record<string, 0 | 1>, Record<string, unknown>]>([
      ['inclusion keeps _id', { a: 1 }, { _id: 'p', a: 1 }],
      ['inclusion without _id', { a: 1, _id: 0 }, { a: 1 }],
      ['nested inclusion', { 'b.c': 1 }, { _id: 'p', b: { c: 2 } }],
      ['inclusion through an array of objects', { 'arr.x': 1 }, { _id: 'p', arr: [{ x: 1 }, { x: 3 }] }],
      ['exclusion', { a: 0, 'b.d': 0 }, { _id: 'p', b: { c: 2 }, arr: doc.arr, e: 'e' }],
      ['exclusion through an array of objects', { 'arr.y': 0 }, { _id: 'p', a: 1, b: doc.b, arr: [{ x: 1 }, { x: 3 }, 5], e: 'e' }],
      ['_id only excluded', { _id: 0 }, { a: 1, b: doc.b, arr: doc.arr, e: 'e' }],
      ['_id only included', { _id: 1 }, { _id: 'p' }],
    ])('%s', async (_name, projection, expected) => {
      const c = await seeded([doc]);
      expect(await c.findOne({ _id: 'p' }, { projection })).toEqual(expected);
      expect(await c.find({}, { projection }).toArray()).toEqual([expected]);
    });
  });

  describe('updates', () => {
    it('applies $set, $unset, $inc, $push and $addToSet together', async () => {
      const c = await seeded([{ _id: 'u', a: 1, nested: { x: 1 }, list: [1], tags: ['a'] }]);
      const result = await c.updateOne(
        { _id: 'u' },
        {
          $set: { 'nested.y': 2, 'fresh.deep': true },
          $inc: { a: 2, cnt: 1 },
          $unset: { 'nested.x': '' },
          $push: { list: { $each: [2, 3] } },
          $addToSet: { tags: { $each: ['a', 'b', 'b'] } },
        },
      );
      expect(result).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
      expect(await c.findOne({ _id: 'u' })).toEqual({
        _id: 'u',
        a: 3,
        nested: { y: 2 },
        fresh: { deep: true },
        cnt: 1,
        list: [1, 2, 3],
        tags: ['a', 'b'],
      });
    });

    it('pushes values as they are and compares whole values in $addToSet', async () => {
      const c = await seeded([{ _id: 'u' }]);
      await c.updateOne({ _id: 'u' }, { $push: { list: [9] } });
      await c.updateOne({ _id: 'u' }, { $addToSet: { objs: { k: 1 } } });
      const again = await c.updateOne({ _id: 'u' }, { $addToSet: { objs: { k: 1 } } });
      await c.updateOne({ _id: 'u' }, { $addToSet: { objs: { k: 1, j: 2 } } });
      expect(again.modifiedCount).toBe(0);
      expect(await c.findOne({ _id: 'u' })).toEqual({ _id: 'u', list: [[9]], objs: [{ k: 1 }, { k: 1, j: 2 }] });
    });

    it('reports modifiedCount 0 when nothing changes', async () => {
      const c = await seeded([{ _id: 'u', a: 3, tags: ['x'], o: { p: 1 } }]);
      expect(await c.updateOne({ _id: 'u' }, { $set: { a: 3 } })).toEqual({ matchedCount: 1, modifiedCount: 0, upsertedId: null });
      expect((await c.updateOne({ _id: 'u' }, { $unset: { missing: '' } })).modifiedCount).toBe(0);
      expect((await c.updateOne({ _id: 'u' }, { $addToSet: { tags: 'x' } })).modifiedCount).toBe(0);
      expect((await c.updateOne({ _id: 'u' }, { $set: { o: { p: 1 } } })).modifiedCount).toBe(0);
      expect((await c.updateOne({ _id: 'u' }, { $set: { a: 4 } })).modifiedCount).toBe(1);
      expect(await c.updateOne({ _id: 'none' }, { $set: { a: 4 } })).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: null });
    });

    it('updateMany counts matched and modified documents', async () => {
      const c = await seeded([
        { _id: '1', g: 'x', n: 1 },
        { _id: '2', g: 'x', n: 2 },
        { _id: '3', g: 'x', n: 2 },
        { _id: '4', g: 'y', n: 1 },
      ]);
      expect(await c.updateMany({ g: 'x' }, { $set: { n: 2 } })).toEqual({ matchedCount: 3, modifiedCount: 1, upsertedId: null });
      expect(await c.updateMany({ n: 2 }, { $inc: { n: 1 } })).toEqual({ matchedCount: 3, modifiedCount: 3, upsertedId: null });
      expect(await ids(c, { n: 3 })).toEqual(['1', '2', '3']);
      expect(await c.updateMany({ g: 'none' }, { $set: { n: 0 } })).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: null });
    });

    it('fails like MongoDB where an update does not fit the document', async () => {
      const c = await seeded([{ _id: 'u', s: 'text', n: 5, o: { k: 1 } }]);
      await expectCode(c.updateOne({ _id: 'u' }, { $inc: { s: 1 } }), 'STORE_UPDATE_NOT_APPLICABLE');
      await expectCode(c.updateOne({ _id: 'u' }, { $push: { n: 1 } }), 'STORE_UPDATE_NOT_APPLICABLE');
      await expectCode(c.updateOne({ _id: 'u' }, { $addToSet: { o: 1 } }), 'STORE_UPDATE_NOT_APPLICABLE');
      await expectCode(c.updateOne({ _id: 'u' }, { $set: { 'n.deeper': 1 } }), 'STORE_UPDATE_NOT_APPLICABLE');
      expect(await c.findOne({ _id: 'u' })).toEqual({ _id: 'u', s: 'text', n: 5, o: { k: 1 } });
    });
  });

  describe('upserts', () => {
    it('inserts the filter equalities, the update and $setOnInsert, with a generated string _id', async () => {
      const c = await fresh();
      const filter = { centre: 'C1', state: { $eq: 'queued' }, 'meta.lang': 'th', $and: [{ channel: 'line' }], n: { $gt: 1 } };
      const result = await c.updateOne(filter, { $set: { x: 1 }, $setOnInsert: { createdAt: 5 } }, { upsert: true });
      expect(result.matchedCount).toBe(0);
      expect(result.modifiedCount).toBe(0);
      expect(result.upsertedId).toMatch(/^[0-9a-f]{24}$/);
      expect(await c.findOne({ _id: result.upsertedId })).toEqual({
        _id: result.upsertedId,
        centre: 'C1',
        state: 'queued',
        meta: { lang: 'th' },
        channel: 'line',
        x: 1,
        createdAt: 5,
      });
    });

    it('updates a matching document instead, without $setOnInsert', async () => {
      const c = await seeded([{ _id: 'm', key: 'k', x: 1 }]);
      const result = await c.updateOne({ key: 'k' }, { $set: { x: 1 }, $setOnInsert: { createdAt: 9 } }, { upsert: true });
      expect(result).toEqual({ matchedCount: 1, modifiedCount: 0, upsertedId: null });
      expect(await c.findOne({ _id: 'm' })).toEqual({ _id: 'm', key: 'k', x: 1 });
    });

    it('takes _id from the filter or from $setOnInsert', async () => {
      const c = await fresh();
      expect((await c.updateOne({ _id: 'fixed' }, { $inc: { n: 1 } }, { upsert: true })).upsertedId).toBe('fixed');
      expect((await c.updateOne({ k: 1 }, { $setOnInsert: { _id: 'soi' } }, { upsert: true })).upsertedId).toBe('soi');
      expect(await c.findOne({ _id: 'fixed' })).toEqual({ _id: 'fixed', n: 1 });
      expect(await c.findOne({ _id: 'soi' })).toEqual({ _id: 'soi', k: 1 });
    });

    it('refuses upserts whose document cannot be built', async () => {
      const c = await fresh();
      await expectCode(c.updateOne({ a: 1, $and: [{ a: 1 }] }, { $set: { b: 1 } }, { upsert: true }), 'STORE_UNSUPPORTED_FILTER');
      await expectCode(c.updateOne({ a: 1, 'a.b': 2 }, { $set: { b: 1 } }, { upsert: true }), 'STORE_UNSUPPORTED_FILTER');
      await expectCode(c.updateOne({ _id: 5 }, { $set: { b: 1 } }, { upsert: true }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.updateOne({ a: 1 }, { $set: { 'a.b': 2 } }, { upsert: true }), 'STORE_UPDATE_NOT_APPLICABLE');
      expect(await c.countDocuments()).toBe(0);
    });
  });

  describe('replaceOne', () => {
    it('replaces the first match whole, keeping its _id', async () => {
      const c = await seeded([{ _id: 'r1', a: 1, b: { c: 2 }, keep: 'no' }]);
      expect(await c.replaceOne({ a: 1 }, { a: 2, d: [1, 2] })).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
      expect(await c.findOne({ _id: 'r1' })).toEqual({ _id: 'r1', a: 2, d: [1, 2] });
    });

    it('counts an identical replacement as matched but not modified, and a miss as neither', async () => {
      const c = await seeded([{ _id: 'r1', a: 1 }]);
      expect(await c.replaceOne({ _id: 'r1' }, { _id: 'r1', a: 1 })).toEqual({ matchedCount: 1, modifiedCount: 0, upsertedId: null });
      expect(await c.replaceOne({ _id: 'none' }, { a: 1 })).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: null });
      expect(await c.countDocuments()).toBe(1);
    });

    it('upserts with the _id of the filter or of the replacement, and nothing else of the filter', async () => {
      const c = await fresh();
      expect(await c.replaceOne({ _id: 'f', kind: 'x' }, { v: 1 }, { upsert: true })).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: 'f' });
      expect(await c.replaceOne({ kind: 'y' }, { _id: 'g', v: 2 }, { upsert: true })).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: 'g' });
      expect(await c.find({}, { sort: { _id: 1 } }).toArray()).toEqual([{ _id: 'f', v: 1 }, { _id: 'g', v: 2 }]);
      expect(await c.replaceOne({ _id: 'f' }, { v: 3 }, { upsert: true })).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
    });

    it('never changes _id, and needs one to upsert', async () => {
      const c = await seeded([{ _id: 'r1', a: 1 }]);
      await expectCode(c.replaceOne({ a: 1 }, { _id: 'other', a: 2 }), 'STORE_UPDATE_NOT_APPLICABLE');
      await expectCode(c.replaceOne({ _id: 'r1' }, { _id: 'other', a: 2 }, { upsert: true }), 'STORE_UPDATE_NOT_APPLICABLE');
      await expectCode(c.replaceOne({ a: 5 }, { a: 5 }, { upsert: true }), 'STORE_UNSUPPORTED_OPTION');
      expect(await c.find({}).toArray()).toEqual([{ _id: 'r1', a: 1 }]);
    });

    it('enforces documents and index rules like an insert', async () => {
      const c = await seeded([{ _id: 'r1', u: 'taken' }, { _id: 'r2', u: 'mine' }]);
      await c.createIndex({ u: 1 }, { unique: true });
      await expectCode(c.replaceOne({ _id: 'r2' }, { u: 'taken' }), 'STORE_DUPLICATE_KEY');
      await expectCode(c.replaceOne({ _id: 'r2' }, { u: ['a'] }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.replaceOne({ _id: 'r2' }, { other: 1 }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.replaceOne({ _id: 'r2' }, { $set: { u: 'x' } } as never), 'STORE_INVALID_DOCUMENT');
      expect(await c.findOne({ _id: 'r2' })).toEqual({ _id: 'r2', u: 'mine' });
    });
  });

  describe('findOneAndUpdate', () => {
    const queue: Doc[] = [
      { _id: 'q1', state: 'queued', t: 3 },
      { _id: 'q2', state: 'queued', t: 1 },
      { _id: 'q3', state: 'queued', t: 2 },
      { _id: 'q4', state: 'live', t: 0 },
    ];

    it.each([
      ['not indexed', [] as string[]],
      ['indexed', ['t']],
    ])('returns the document before by default, after on request, first in sort order (%s)', async (_label, indexed) => {
      const c = await seeded(queue, indexed);
      const before = await c.findOneAndUpdate({ state: 'queued' }, { $set: { state: 'live' } }, { sort: { t: 1 } });
      expect(before).toEqual({ _id: 'q2', state: 'queued', t: 1 });
      const after = await c.findOneAndUpdate({ state: 'queued' }, { $set: { state: 'live' } }, { sort: { t: -1 }, returnDocument: 'after' });
      expect(after).toEqual({ _id: 'q1', state: 'live', t: 3 });
      const projected = await c.findOneAndUpdate({ state: 'queued' }, { $inc: { t: 10 } }, { returnDocument: 'after', projection: { t: 1, _id: 0 } });
      expect(projected).toEqual({ t: 12 });
      expect(await c.findOneAndUpdate({ state: 'queued' }, { $set: { state: 'live' } })).toEqual({ _id: 'q3', state: 'queued', t: 12 });
      expect(await c.findOneAndUpdate({ state: 'queued' }, { $set: { state: 'live' } })).toBeNull();
      expect(await c.countDocuments({ state: 'live' })).toBe(4);
    });

    it('upserts: null before, the new document after', async () => {
      const c = await fresh();
      expect(await c.findOneAndUpdate({ _id: 'a' }, { $set: { v: 1 } }, { upsert: true })).toBeNull();
      expect(await c.findOneAndUpdate({ _id: 'b' }, { $set: { v: 2 } }, { upsert: true, returnDocument: 'after' })).toEqual({ _id: 'b', v: 2 });
      expect(await c.countDocuments()).toBe(2);
    });
  });

  describe('indexes', () => {
    it('names indexes like MongoDB and creates them idempotently', async () => {
      const c = await fresh();
      expect(await c.createIndex({ a: 1, b: -1 })).toBe('a_1_b_-1');
      expect(await c.createIndex({ a: 1, b: -1 })).toBe('a_1_b_-1');
      expect(await c.createIndex({ 'n.x': 1 }, { name: 'by_x', unique: true })).toBe('by_x');
      expect(await c.createIndex({ 'n.x': 1 }, { name: 'by_x', unique: true })).toBe('by_x');
      expect(await c.createIndex({ _id: 1 })).toBe('_id_');
      await expectCode(c.createIndex({ a: 1, b: -1 }, { name: 'other' }), 'STORE_INDEX_CONFLICT');
      await expectCode(c.createIndex({ c: 1 }, { name: 'a_1_b_-1' }), 'STORE_INDEX_CONFLICT');
      await expectCode(c.createIndex({ 'n.x': 1 }, { name: 'by_x' }), 'STORE_INDEX_CONFLICT');
    });

    it('enforces unique indexes on insert, update and upsert; 1, true and "1" are different keys', async () => {
      const c = await fresh();
      await c.createIndex({ code: 1 }, { unique: true });
      await c.insertOne({ _id: 'n', code: 1 });
      await c.insertOne({ _id: 'b', code: true });
      await c.insertOne({ _id: 's', code: '1' });
      await expectCode(c.insertOne({ code: 1 }), 'STORE_DUPLICATE_KEY');
      await expectCode(c.insertOne({ code: 1.0 }), 'STORE_DUPLICATE_KEY');
      await expectCode(c.updateOne({ _id: 's' }, { $set: { code: true } }), 'STORE_DUPLICATE_KEY');
      await expectCode(c.updateOne({ _id: 'new' }, { $set: { code: 1 } }, { upsert: true }), 'STORE_DUPLICATE_KEY');
      await expectCode(c.findOneAndUpdate({ _id: 's' }, { $set: { code: 1 } }), 'STORE_DUPLICATE_KEY');
      expect(await c.countDocuments()).toBe(3);
      expect(await c.findOne({ _id: 's' })).toEqual({ _id: 's', code: '1' });
      expect(await ids(c, { code: 1 })).toEqual(['n']);
      expect(await ids(c, { code: true })).toEqual(['b']);
    });

    it('requires unique-indexed fields to be present and not null', async () => {
      const c = await fresh();
      await c.createIndex({ code: 1 }, { unique: true });
      await expectCode(c.insertOne({ other: 1 }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.insertOne({ code: null }), 'STORE_INVALID_DOCUMENT');
      await c.insertOne({ _id: 'x', code: 'a' });
      await expectCode(c.updateOne({ _id: 'x' }, { $unset: { code: '' } }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.updateOne({ _id: 'x' }, { $set: { code: null } }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.updateOne({ _id: 'y' }, { $set: { other: 1 } }, { upsert: true }), 'STORE_INVALID_DOCUMENT');
      expect(await c.findOne({ _id: 'x' })).toEqual({ _id: 'x', code: 'a' });
    });

    it('requires indexed fields to hold scalars, with no array on their path', async () => {
      const c = await fresh();
      await c.createIndex({ tag: 1 });
      await c.createIndex({ 'm.k': 1 });
      await c.insertOne({ _id: 'ok', tag: 'a', m: { k: 1 } });
      await c.insertOne({ _id: 'missing' });
      await expectCode(c.insertOne({ tag: ['a'] }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.insertOne({ tag: { x: 1 } }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.insertOne({ m: [{ k: 1 }] }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.updateOne({ _id: 'ok' }, { $push: { tag: 'b' } }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.updateOne({ _id: 'nothing matches' }, { $push: { tag: 'b' } }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.updateOne({ _id: 'ok' }, { $set: { tag: [1] } }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.updateOne({ _id: 'ok' }, { $set: { m: { k: [1] } } }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.updateOne({ _id: 'ok' }, { $set: { 'm.k.z': 1 } }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.updateOne({ _id: 'ok' }, { $push: { m: 1 } }), 'STORE_INVALID_DOCUMENT');
      expect((await c.updateOne({ _id: 'ok' }, { $set: { m: { k: 2, other: [1] } } })).modifiedCount).toBe(1);
      expect((await c.updateOne({ _id: 'missing' }, { $unset: { tag: '' } })).modifiedCount).toBe(0);
      expect(await ids(c, {})).toEqual(['missing', 'ok']);
    });

    it('refuses to create an index that stored documents break', async () => {
      const c = await seeded([
        { _id: '1', w: [1], q: 1, r: 1 },
        { _id: '2', w: 2, q: 1 },
      ]);
      await expectCode(c.createIndex({ w: 1 }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.createIndex({ r: 1 }, { unique: true }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.createIndex({ q: 1 }, { unique: true }), 'STORE_DUPLICATE_KEY');
      await c.insertOne({ _id: '3', w: [5], q: 1 });
      expect(await c.countDocuments()).toBe(3);
    });
  });

  describe('count and delete', () => {
    it('counts, deletes one and deletes many', async () => {
      const c = await seeded(Array.from({ length: 9 }, (_, i) => ({ _id: `d${i}`, g: 'ABC'[i % 3] })));
      expect(await c.countDocuments()).toBe(9);
      expect(await c.countDocuments({ g: 'A' })).toBe(3);
      expect(await c.deleteOne({ g: 'A' })).toEqual({ deletedCount: 1 });
      expect(await c.countDocuments({ g: 'A' })).toBe(2);
      expect(await c.deleteOne({ g: 'none' })).toEqual({ deletedCount: 0 });
      expect(await c.deleteMany({ g: { $in: ['B', 'C'] } })).toEqual({ deletedCount: 6 });
      expect(await c.countDocuments()).toBe(2);
      expect(await c.deleteMany({})).toEqual({ deletedCount: 2 });
      expect(await c.countDocuments()).toBe(0);
    });
  });

  describe('atomicity', () => {
    it('applies 200 concurrent $inc exactly once each', async () => {
      const c = await seeded([{ _id: 'ctr', n: 0 }]);
      await Promise.all(Array.from({ length: 200 }, () => c.updateOne({ _id: 'ctr' }, { $inc: { n: 1 } })));
      expect(await c.findOne({ _id: 'ctr' })).toEqual({ _id: 'ctr', n: 200 });
      const seen = await Promise.all(
        Array.from({ length: 200 }, () => c.findOneAndUpdate({ _id: 'ctr' }, { $inc: { n: 1 } }, { returnDocument: 'after' })),
      );
      const values = seen.map((doc) => doc?.n as number).sort((a, b) => a - b);
      expect(values).toEqual(Array.from({ length: 200 }, (_, i) => 201 + i));
    });
  });

  describe('input outside the subset', () => {
    const filters: Array<[string, Filter]> = [
      ['$where', { $where: 'true' }],
      ['$nor', { $nor: [{ a: 1 }] }],
      ['$expr', { $expr: { $eq: ['$a', 1] } }],
      ['$text', { $text: { $search: 'x' } }],
      ['$not', { a: { $not: { $eq: 1 } } }],
      ['$elemMatch', { a: { $elemMatch: { b: 1 } } }],
      ['$size', { a: { $size: 1 } }],
      ['$all', { a: { $all: [1] } }],
      ['$type', { a: { $type: 'string' } }],
      ['$mod', { a: { $mod: [2, 0] } }],
      ['equality with an object', { a: { b: 1 } }],
      ['equality with an empty object', { a: {} }],
      ['equality with an array', { a: [1, 2] }],
      ['equality with a Date', { a: new Date() }],
      ['equality with a RegExp', { a: /x/ }],
      ['an undefined value', { a: undefined }],
      ['NaN', { a: Number.NaN }],
      ['operators mixed with fields', { a: { $gt: 1, b: 2 } }],
      ['$in without an array', { a: { $in: 1 } }],
      ['$in with an object', { a: { $in: [{ b: 1 }] } }],
      ['$nin with an array', { a: { $nin: [[1]] } }],
      ['$gt with a boolean', { a: { $gt: true } }],
      ['$lt with null', { a: { $lt: null } }],
      ['$exists with a number', { a: { $exists: 1 } }],
      ['$regex with a number', { a: { $regex: 5 } }],
      ['$options x', { a: { $regex: 'a', $options: 'x' } }],
      ['$options without $regex', { a: { $options: 'i' } }],
      ['a RegExp with flag g', { a: { $regex: /a/g } }],
      ['a RegExp with $options', { a: { $regex: /a/, $options: 'i' } }],
      ['an invalid pattern', { a: { $regex: '(' } }],
      ['an empty $and', { $and: [] }],
      ['$or without an array', { $or: { a: 1 } }],
      ['a clause that is not an object', { $or: [1] }],
      ['an empty path segment', { 'a..b': 1 }],
      ['an array position', { 'a.0': 1 }],
      ['a $ segment', { 'a.$': 1 }],
    ];
    it.each(filters)('filter: %s → STORE_UNSUPPORTED_FILTER', async (_name, filter) => {
      const c = await seeded([{ _id: 'x', a: 1 }]);
      await expectCode(c.find(filter).toArray(), 'STORE_UNSUPPORTED_FILTER');
      await expectCode(c.findOne(filter), 'STORE_UNSUPPORTED_FILTER');
      await expectCode(c.countDocuments(filter), 'STORE_UNSUPPORTED_FILTER');
      await expectCode(c.updateMany(filter, { $set: { b: 1 } }), 'STORE_UNSUPPORTED_FILTER');
      await expectCode(c.deleteMany(filter), 'STORE_UNSUPPORTED_FILTER');
      expect(await c.findOne({ _id: 'x' })).toEqual({ _id: 'x', a: 1 });
    });

    const updates: Array<[string, Record<string, unknown>]> = [
      ['a replacement document', { a: 2 }],
      ['an empty update', {}],
      ['operators mixed with fields', { $set: { a: 2 }, b: 1 }],
      ['$rename', { $rename: { a: 'b' } }],
      ['$mul', { $mul: { a: 2 } }],
      ['$pull', { $pull: { a: 1 } }],
      ['$inc with a string', { $inc: { a: '1' } }],
      ['$inc with NaN', { $inc: { a: Number.NaN } }],
      ['$push with $slice', { $push: { l: { $each: [1], $slice: 2 } } }],
      ['$push with $each not an array', { $push: { l: { $each: 1 } } }],
      ['the same path twice', { $set: { a: 2 }, $inc: { a: 1 } }],
      ['a parent and a child', { $set: { a: { b: 1 } }, $unset: { 'a.b': '' } }],
      ['a child and a parent in one operator', { $set: { 'a.b': 1, a: 2 } }],
      ['$setOnInsert and $set on one path', { $set: { a: 1 }, $setOnInsert: { a: 2 } }],
      ['$set of _id', { $set: { _id: 'y' } }],
      ['$unset of _id', { $unset: { _id: '' } }],
      ['an operand that is not an object', { $set: 5 }],
      ['an array position', { $set: { 'l.0': 1 } }],
    ];
    it.each(updates)('update: %s → STORE_UNSUPPORTED_UPDATE', async (_name, update) => {
      const c = await seeded([{ _id: 'x', a: 1 }]);
      await expectCode(c.updateOne({ _id: 'x' }, update as never), 'STORE_UNSUPPORTED_UPDATE');
      await expectCode(c.updateMany({}, update as never), 'STORE_UNSUPPORTED_UPDATE');
      await expectCode(c.findOneAndUpdate({ _id: 'x' }, update as never), 'STORE_UNSUPPORTED_UPDATE');
      expect(await c.findOne({ _id: 'x' })).toEqual({ _id: 'x', a: 1 });
    });

    it('rejects update values that are not JSON with STORE_INVALID_DOCUMENT', async () => {
      const c = await seeded([{ _id: 'x' }]);
      await expectCode(c.updateOne({ _id: 'x' }, { $set: { at: new Date() } }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.updateOne({ _id: 'x' }, { $push: { l: { $bad: 1, v: 2 } } }), 'STORE_UNSUPPORTED_UPDATE');
      await expectCode(c.updateOne({ _id: 'x' }, { $push: { l: { 'a.b': 1 } } }), 'STORE_INVALID_DOCUMENT');
      await expectCode(c.updateOne({ _id: 'x' }, { $setOnInsert: { _id: 7 } }, { upsert: true }), 'STORE_INVALID_DOCUMENT');
    });

    const options: Array<[string, (c: Collection<Doc>) => Promise<unknown>]> = [
      ['sort 2', (c) => c.find({}, { sort: { a: 2 as 1 } }).toArray()],
      ['sort on a bad path', (c) => c.find({}, { sort: { 'a..b': 1 } }).toArray()],
      ['negative skip', (c) => c.find({}, { skip: -1 }).toArray()],
      ['fractional limit', (c) => c.find({}, { limit: 1.5 }).toArray()],
      ['mixed projection', (c) => c.find({}, { projection: { a: 1, b: 0 } }).toArray()],
      ['projection 2', (c) => c.find({}, { projection: { a: 2 as 1 } }).toArray()],
      ['colliding projection', (c) => c.find({}, { projection: { a: 1, 'a.b': 1 } }).toArray()],
      ['an unknown find option', (c) => c.find({}, { hint: 'x' } as never).toArray()],
      ['an unknown findOne option', (c) => c.findOne({}, { limit: 1 } as never)],
      ['returnDocument', (c) => c.findOneAndUpdate({}, { $set: { a: 1 } }, { returnDocument: 'later' as 'after' })],
      ['upsert not boolean', (c) => c.updateOne({}, { $set: { a: 1 } }, { upsert: 'yes' as never })],
      ['index direction', (c) => c.createIndex({ a: 'text' as never })],
      ['empty index', (c) => c.createIndex({})],
      ['index name', (c) => c.createIndex({ a: 1 }, { name: 'bad name' })],
      ['index option', (c) => c.createIndex({ a: 1 }, { sparse: true } as never)],
    ];
    it.each(options)('option: %s → STORE_UNSUPPORTED_OPTION', async (_name, call) => {
      const c = await seeded([{ _id: 'x', a: 1 }]);
      await expectCode(call(c), 'STORE_UNSUPPORTED_OPTION');
    });
  });

  describe('lifecycle', () => {
    it('pings, then refuses work once closed', async () => {
      const own = await harness.open();
      await own.ping();
      const name = `t_closed_${randomBytes(4).toString('hex')}`;
      created.push(name);
      const c = own.collection<Doc>(name);
      await c.insertOne({ _id: 'x' });
      await own.close();
      await own.close();
      await expectCode(own.ping(), 'STORE_CLOSED');
      await expectCode(c.findOne({ _id: 'x' }), 'STORE_CLOSED');
      await expectCode(c.find({}).toArray(), 'STORE_CLOSED');
      await expectCode(c.insertOne({ _id: 'y' }), 'STORE_CLOSED');
      await expectCode(c.updateOne({ _id: 'x' }, { $set: { a: 1 } }), 'STORE_CLOSED');
      await expectCode(own.collection<Doc>(name).countDocuments(), 'STORE_CLOSED');
    });
  });
});
