import type { sessionVi } from './session-vi';

type Section<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };

export const sessionEn: Section<typeof sessionVi> = {
  'session.signIn': 'Operator sign-in',
  'session.operator': 'Operator',
  'session.checking': 'Checking…',
  'session.signOut': 'Sign out',
  'session.dialogTitle': 'Operator sign-in',
  'session.dialogText': 'Paste the operator token (OPERATOR_TOKEN) the server printed when it started. It is kept in this browser.',
  'session.tokenLabel': 'Operator token',
  'session.demoHint': (token) => `Demo: use the token “${token}”.`,
  'session.submit': 'Sign in',
  'session.cancel': 'Cancel',
  'session.rejected': 'Wrong token: the server does not accept it.',
  'session.failed': (message) => `Could not check the token: ${message}`,
  'session.signedInAs': 'Signed in as a centre operator',
};
