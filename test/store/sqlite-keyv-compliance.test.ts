/** Keyv's own adapter compliance suite, run against SqliteKeyvStore the way keyv's adapters do. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as test from 'vitest';
import keyvTestSuite, { keyvIteratorTests } from '@keyv/test-suite';
import Keyv from 'keyv';
import { SqliteKeyvStore } from '../../src/store/sqlite-keyv-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'plenary-keyv-suite-'));
const uri = `sqlite://${join(dir, 'nested', 'suite.sqlite')}`;
const created: SqliteKeyvStore[] = [];

// The suite calls the factory for every Keyv it builds and sets a namespace on each adapter, so
// every call needs its own adapter (all on one file, as separate connections).
const store = () => {
  const adapter = new SqliteKeyvStore({ uri, busyTimeout: 3000 });
  created.push(adapter);
  return adapter;
};

// A small page size makes the iterator tests cross page boundaries.
const pagedStore = () => {
  const adapter = new SqliteKeyvStore({ uri, busyTimeout: 3000, iterationLimit: 2 });
  created.push(adapter);
  return adapter;
};

test.describe('keyv compliance: SqliteKeyvStore', () => {
  keyvTestSuite(test, Keyv, store);
});

test.describe('keyv iterator compliance: SqliteKeyvStore (page size 2)', () => {
  keyvIteratorTests(test, Keyv, pagedStore);
});

test.afterAll(async () => {
  await Promise.all(created.map((a) => a.disconnect()));
  rmSync(dir, { recursive: true, force: true });
});
