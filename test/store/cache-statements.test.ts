import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheStatements } from '../../src/store/cache-statements.ts';

describe('cacheStatements', () => {
  const open: BetterSqlite3.Database[] = [];
  const fresh = () => {
    const database = new BetterSqlite3(':memory:');
    open.push(database);
    database.exec('create table t (n integer); insert into t values (1), (2), (3);');
    return database;
  };
  afterEach(() => {
    for (const d of open.splice(0)) if (d.open) d.close();
  });

  it('hands out the same prepared statement for the same SQL', () => {
    const db = cacheStatements(fresh());
    const a = db.prepare('select n from t where n > ?');
    const b = db.prepare('select n from t where n > ?');
    expect(b).toBe(a);
    expect(b.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(db.prepare('select n from t where n < ?')).not.toBe(a);
  });

  it('prepares a new statement while the cached one is still iterating', () => {
    const db = cacheStatements(fresh());
    const sql = 'select n from t order by n';
    const iterating = db.prepare(sql).iterate([]);
    expect(iterating.next().value).toEqual({ n: 1 });
    const second = db.prepare(sql);
    expect(second.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...iterating]).toEqual([{ n: 2 }, { n: 3 }]);
    expect(db.prepare(sql).all([])).toHaveLength(3);
  });

  it('keeps at most `max` statements, dropping the least recently used', () => {
    const db = cacheStatements(fresh(), 2);
    const one = db.prepare('select 1');
    const two = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(one);
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(one);
    expect(db.prepare('select 2')).not.toBe(two);
  });

  it('closes the database', () => {
    const database = fresh();
    cacheStatements(database).close();
    expect(database.open).toBe(false);
  });
});
