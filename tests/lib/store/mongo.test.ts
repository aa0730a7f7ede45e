/**
 * What can be checked of the MongoDB store without a server: connection strings, and how an unreachable
 * server is reported. Its behaviour against a server is the contract suite's job (run it with MONGODB_URI).
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAppError } from '../../../lib/errors';
import { DEFAULT_DATABASE, describeMongoUri, MongoStore } from '../../../lib/store/mongo';
import { openStore } from '../../../lib/store';
import { rejection } from '../../helpers/rejection';


describe('describeMongoUri', () => {
  it.each([
    ['mongodb://localhost:27017', 'localhost:27017', DEFAULT_DATABASE],
    ['mongodb://localhost:27017/', 'localhost:27017', DEFAULT_DATABASE],
    ['mongodb://user:p%40ss@db1:27017,db2:27018/complaints?replicaSet=rs0', 'db1:27017,db2:27018', 'complaints'],
    ['mongodb+srv://bot:secret@cluster0.example.net/damrong_prod?retryWrites=true', 'cluster0.example.net', 'damrong_prod'],
    ['mongodb://db?authSource=admin', 'db', DEFAULT_DATABASE],
  ])('%s → hosts %s, database %s', (uri, hosts, database) => {
    expect(describeMongoUri(uri)).toEqual({ hosts, database });
  });

  it('refuses strings that are not MongoDB connection strings', () => {
    let caught: unknown;
    try {
      describeMongoUri('postgres://localhost/x');
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'CONFIG_INVALID')).toBe(true);
  });
});

describe('MongoStore.connect', () => {
  it('reports an unreachable server as STORE_UNAVAILABLE, naming the host but not the credentials', async () => {
    const error = await rejection(
      MongoStore.connect('mongodb://officer:hunter2@127.0.0.1:1/damrongdham', { serverSelectionTimeoutMS: 300 }),
      'STORE_UNAVAILABLE',
    );
    expect(error.message).toContain('127.0.0.1:1');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('officer');
  });

  it('reports a malformed connection string as CONFIG_INVALID', async () => {
    await rejection(MongoStore.connect('mongodb://host:notaport/db'), 'CONFIG_INVALID');
  });
});

describe('openStore', () => {
  it('uses MongoDB when a connection string is given', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-open-'));
    try {
      // Port 1 refuses at once; a timeout in the connection string is honoured and bounds the wait.
      const started = Date.now();
      await rejection(openStore({ dataDir: dir, mongodbUri: 'mongodb://127.0.0.1:1/x?serverSelectionTimeoutMS=300' }), 'STORE_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(3000);
      expect(fs.readdirSync(dir)).toEqual([]);
      const store = await openStore({ dataDir: dir, mongodbUri: '' });
      expect(store.kind).toBe('embedded');
      await store.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
