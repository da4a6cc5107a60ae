import { describe, expect, it } from 'vitest';
import { fieldOfUniqueColumns, meaningOfDbError } from './db-errors.js';

describe('meaningOfDbError', () => {
  it('reads the columns of a PostgreSQL unique violation, plain and by expression', () => {
    expect(meaningOfDbError({ code: '23505', detail: 'Key (username)=(bob) already exists.' })).toEqual({ kind: 'unique', columns: ['username'] });
    expect(meaningOfDbError({ code: '23505', detail: 'Key (enterprise_id, name)=(e1, 焊工) already exists.' })).toEqual({
      kind: 'unique',
      columns: ['enterprise_id', 'name'],
    });
    expect(meaningOfDbError({ code: '23505', detail: 'Key (lower(username::text))=(bob) already exists.' })).toEqual({ kind: 'unique', columns: ['username'] });
  });

  it('reads the columns of a SQLite unique or primary-key violation', () => {
    expect(meaningOfDbError({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: enterprise.credit_code' })).toEqual({
      kind: 'unique',
      columns: ['credit_code'],
    });
    expect(meaningOfDbError({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY', message: 'UNIQUE constraint failed: special_control_plan.risk_id' })).toEqual({
      kind: 'unique',
      columns: ['risk_id'],
    });
    expect(meaningOfDbError({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: "UNIQUE constraint failed: index 'x_uq'" })).toEqual({ kind: 'unique', columns: [] });
  });

  it('knows PostgreSQL text refusals and leaves every other error alone', () => {
    expect(meaningOfDbError({ code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' })).toEqual({ kind: 'unstorable-text' });
    expect(meaningOfDbError({ code: '23503', detail: 'Key (risk_id)=(x) is not present' })).toBeNull();
    expect(meaningOfDbError({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY', message: 'FOREIGN KEY constraint failed' })).toBeNull();
    expect(meaningOfDbError(new Error('boom'))).toBeNull();
  });
});

describe('fieldOfUniqueColumns', () => {
  it('names the field as the API does, without the enterprise scope', () => {
    expect(fieldOfUniqueColumns(['credit_code'])).toBe('creditCode');
    expect(fieldOfUniqueColumns(['enterprise_id', 'name'])).toBe('name');
    expect(fieldOfUniqueColumns(['enterprise_id'])).toBe('enterpriseId');
    expect(fieldOfUniqueColumns(['user_id', 'enterprise_id'])).toBe('userId');
  });
});
