import { z } from 'zod';
import { accountRole, type AccountRole } from '../../shared/contract/session';
import type { AuthStore, DisplayTokenRecord, UserRecord } from '../store/sqlite/auth-store';
import { hashPassword } from './password';
import { digestOf, newSecret } from './secrets';

/** Account rules shared by the CLI and the tests (the server itself only reads accounts). */
export class AccountError extends Error {
  override name = 'AccountError';
}

export const usernameRule = z
  .string()
  .trim()
  .min(2, 'at least 2 characters')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits and . _ @ - only');

/** Long enough to resist the login rate limit's guessing budget; no composition rules (NIST 800-63B). */
export const MIN_PASSWORD = 10;

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD) throw new AccountError(`the password must have at least ${MIN_PASSWORD} characters`);
  if (password.length > 256) throw new AccountError('the password may have at most 256 characters');
}

export async function createAccount(
  auth: AuthStore,
  input: { username: string; role: string; agencyId?: string | null; displayName?: string | null; password: string },
  opts: { now: Date; agencyIds: readonly string[] },
): Promise<UserRecord> {
  const name = usernameRule.safeParse(input.username);
  if (!name.success) throw new AccountError(`username: ${name.error.issues[0]?.message ?? 'invalid'}`);
  const role = accountRole.safeParse(input.role);
  if (!role.success) throw new AccountError(`--role must be one of ${accountRole.options.join(', ')}`);
  const agencyId = input.agencyId ?? null;
  if (role.data === 'unit_head') {
    if (!agencyId) throw new AccountError('a unit_head needs --agency <unit id> (see GET /api/v1/meta)');
    if (!opts.agencyIds.includes(agencyId)) throw new AccountError(`no unit with id ${agencyId}`);
  } else if (agencyId) {
    throw new AccountError(`only a unit_head has a unit (--agency), not ${role.data}`);
  }
  if (auth.userByName(name.data)) throw new AccountError(`the user ${name.data} exists already (reset-password changes the password)`);
  checkPassword(input.password);
  const displayName = input.displayName?.trim() || name.data;
  return auth.createUser({ username: name.data, displayName, role: role.data as AccountRole, agencyId, passwordHash: await hashPassword(input.password) }, opts.now);
}

export async function resetPassword(auth: AuthStore, username: string, password: string, now: Date): Promise<void> {
  checkPassword(password);
  if (!auth.userByName(username)) throw new AccountError(`no user ${username}`);
  auth.setPassword(username, await hashPassword(password), now);
}

/** A new display token: returned once, stored only as its digest. */
export function issueDisplayToken(auth: AuthStore, label: string, now: Date): { token: string; record: DisplayTokenRecord } {
  const clean = label.trim();
  if (clean.length < 1 || clean.length > 100) throw new AccountError('the label must have 1 to 100 characters');
  if (/^[0-9]+$/.test(clean)) throw new AccountError('the label may not be only digits (revoke takes an id or a label)');
  if (auth.listDisplayTokens().some((t) => t.label === clean)) throw new AccountError(`a display token labelled "${clean}" exists already`);
  const token = newSecret();
  return { token, record: auth.createDisplayToken(clean, digestOf(token), now) };
}
