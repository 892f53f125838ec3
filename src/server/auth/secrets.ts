import { createHash, randomBytes } from 'node:crypto';

/** A new session id or display token: 32 random bytes, base64url (43 characters). */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What is stored instead of a session id or display token: a leaked table opens no session. */
export const digestOf = (secret: string): string => createHash('sha256').update(secret).digest('base64url');
