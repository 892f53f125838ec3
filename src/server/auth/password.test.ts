import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('scrypt passwords', () => {
  it('stores scrypt$N$r$p$salt$key with the chosen cost, a fresh salt each time, and verifies only the right password', async () => {
    const a = await hashPassword('mật khẩu đủ dài');
    const b = await hashPassword('mật khẩu đủ dài');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('mật khẩu đủ dài', a)).toBe(true);
    expect(await verifyPassword('mật khẩu đủ dài ', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('is node:crypto scrypt itself: an independently derived key verifies', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('độc lập', salt, 64, { N: 1024, r: 8, p: 1 });
    const stored = `scrypt$1024$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    expect(await verifyPassword('độc lập', stored)).toBe(true);
    expect(await verifyPassword('doc lap', stored)).toBe(false);
  });

  it('the same text typed in composed or decomposed Unicode is the same password', async () => {
    const h = await hashPassword('Huế'.normalize('NFC'));
    expect(await verifyPassword('Huế'.normalize('NFD'), h)).toBe(true);
  });

  it('never matches a malformed or tampered hash (and does not allocate absurd memory for one)', async () => {
    const good = await hashPassword('x'.repeat(12));
    for (const bad of ['', 'plain', good.replace('scrypt', 'bcrypt'), good.replace('$32768$', '$1073741824$'), good.replace('$32768$', '$1000$'), good.split('$').slice(0, 5).join('$')]) {
      expect(await verifyPassword('x'.repeat(12), bad)).toBe(false);
    }
  });
});
