/** DATABASE_URL's accepted form (decision 0013), checked where it is read: the server's config and the CLIs. */
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\/./.test(url);

export const POSTGRES_URL_RULE = 'must be a postgres:// or postgresql:// URL';

/** a connection URL fit for the log: the password replaced */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
