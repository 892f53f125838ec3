import { openStatuses } from '../../shared/contract/common';
import type { ReportFilter } from '../../shared/contract/api';
import { DomainError } from '../../shared/domain/errors';
import { searchTerms } from '../../shared/domain/filter';
import { drillDownSql } from './sqlite/stats-filter-sql';
import { backlogFilterSql } from './sqlite/backlog-filter-sql';

export interface SqlPart {
  where: string;
  params: (string | number)[];
}

const OPEN_LIST = openStatuses.map((s) => `'${s}'`).join(', ');

/** SQL for "open and past the current due date": must agree with shared/domain/timeliness isOverdue. */
export const OVERDUE_SQL = `(status IN (${OPEN_LIST}) AND due_at IS NOT NULL AND due_at < ?)`;

/**
 * The WHERE clause of a ReportFilter, with the semantics of shared/domain/filter matchesFilter (the tests
 * compare the two on generated data).
 */
export function filterToSql(f: ReportFilter, now: Date): SqlPart {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (f.status) {
    clauses.push(`status IN (${f.status.map(() => '?').join(', ')})`);
    params.push(...f.status);
  }
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  eq('agency_id', f.agencyId);
  eq('category_id', f.categoryId);
  eq('district_code', f.districtCode);
  eq('ward_code', f.wardCode);
  if (f.overdue !== undefined) {
    clauses.push(f.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
    params.push(now.getTime());
  }
  if (f.from !== undefined) {
    clauses.push('received_at >= ?');
    params.push(Date.parse(f.from));
  }
  if (f.to !== undefined) {
    clauses.push('received_at < ?');
    params.push(Date.parse(f.to));
  }
  if (f.q !== undefined) {
    // instr() is a plain substring test: no LIKE wildcards to escape, and the same as String.includes
    for (const term of searchTerms(f.q)) {
      clauses.push('instr(search_text, ?) > 0');
      params.push(term);
    }
  }
  drillDownSql(f, now, clauses, params);
  backlogFilterSql(f, now, clauses, params);
  return { where: clauses.length ? clauses.join(' AND ') : '1', params };
}

/** The keyset position after the last row of a page: (received_at, id), both descending. */
export interface Cursor {
  receivedAt: number;
  id: number;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.receivedAt, c.id])).toString('base64url');
}

export function decodeCursor(s: string): Cursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && Number.isSafeInteger(v[1])) {
      return { receivedAt: v[0] as number, id: v[1] as number };
    }
  } catch {
    // fall through: a cursor the server did not issue
  }
  throw new DomainError('invalid', 'is not a cursor this server issued', 'cursor', 400);
}
