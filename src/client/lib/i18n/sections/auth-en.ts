import type { authVi } from './auth-vi';

type Section<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };

export const authEn: Section<typeof authVi> = {
  'auth.loading': 'Checking your session…',
  'auth.unreachable': 'Could not ask the server about your session.',
  'auth.retry': 'Try again',

  'auth.login.title': 'Sign in',
  'auth.login.lead': 'For centre staff, provincial leadership, Home Affairs and the heads of handling units.',
  'auth.login.username': 'Username',
  'auth.login.password': 'Password',
  'auth.login.submit': 'Sign in',
  'auth.login.busy': 'Signing in…',
  'auth.login.invalid': 'Wrong username or password.',
  'auth.login.rateLimited': (when) => `Too many failed attempts. Try again in ${when}.`,
  'auth.login.seconds': (n) => `${n} s`,
  'auth.login.failed': (message) => `Could not sign in: ${message}`,
  'auth.login.expired': 'Your session has expired. Please sign in again.',
  'auth.login.displayRejected': 'This wall-screen token is unknown or was revoked. Ask the centre for a new one.',
  'auth.login.continuePublic': 'Continue without signing in (view only)',
  'auth.login.signedInAs': (who) => `You are signed in: ${who}.`,
  'auth.login.continue': 'Continue',

  'auth.demo.badge': 'DEMO',
  'auth.demo.title': 'Demo mode',
  'auth.demo.text': 'Simulated data, not real figures. Pick a role to see the dashboard as that user would — no password. A production server has no such picker.',
  'auth.demo.unit': "Unit head's unit",
  'auth.demo.unitPlaceholder': 'Choose a unit…',
  'auth.demo.needUnit': 'Choose a unit before entering as a unit head.',
  'auth.demo.enter': (role) => `Enter as ${role}`,
  'auth.demo.failed': (message) => `Could not enter demo mode: ${message}`,

  'auth.role.operator': 'Operator',
  'auth.role.leader': 'Leadership',
  'auth.role.home_affairs': 'Home Affairs',
  'auth.role.unit_head': 'Unit head',
  'auth.role.display': 'Wall screen',
  'auth.role.public': 'Visitor (view only)',
  'auth.role.anonymous': 'Not signed in',
  'auth.roleDesc.operator': 'Everything, including reporter identities and reminders.',
  'auth.roleDesc.leader': 'All statistics and reports; no reporter identities.',
  'auth.roleDesc.home_affairs': 'Rankings, finalising quarters, exports.',
  'auth.roleDesc.unit_head': "Only their unit's reports and figures; everyone's rankings.",
  'auth.roleDesc.display': 'Read-only live views, for wall screens.',

  'auth.menu.label': 'Account',
  'auth.menu.signIn': 'Sign in',
  'auth.menu.signOut': 'Sign out',
  'auth.menu.signingOut': 'Signing out…',

  'auth.denied.title': 'Not available for your role',
  'auth.denied.text': (role) => `This page is not for the “${role}” role. The server would refuse its data too.`,
  'auth.denied.home': 'Go to your start page',
  'auth.denied.other': 'Sign in with another account',
};
