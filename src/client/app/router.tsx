import { createBrowserRouter, Navigate } from 'react-router';
import type { RouteObject } from 'react-router';
import { AppShell } from './app-shell';
import { RouteError } from './route-error';
import { RouteLoading } from './route-loading';
import { SessionGate } from './session-gate';

/** Route modules are lazy: each page (and the wall, which loads only what it shows) is its own chunk. */
const signedInRoutes: RouteObject[] = [
  {
    path: '/wall',
    lazy: async () => ({ Component: (await import('./routes/wall-route')).WallRoute }),
    ErrorBoundary: RouteError,
    HydrateFallback: RouteLoading,
  },
  {
    path: '/',
    Component: AppShell,
    ErrorBoundary: RouteError,
    HydrateFallback: RouteLoading,
    children: [
      { index: true, Component: () => <Navigate to="/map" replace /> },
      { path: 'map', lazy: async () => ({ Component: (await import('./routes/map-route')).MapRoute }) },
      { path: 'backlog', lazy: async () => ({ Component: (await import('./routes/backlog-route')).BacklogRoute }) },
      {
        path: 'satisfaction',
        lazy: async () => ({ Component: (await import('./routes/satisfaction-route')).SatisfactionRoute }),
      },
      { path: 'rankings', lazy: async () => ({ Component: (await import('./routes/rankings-route')).RankingsRoute }) },
      { path: 'rankings/:quarter', lazy: async () => ({ Component: (await import('./routes/rankings-route')).RankingsRoute }) },
      { path: 'stats', lazy: async () => ({ Component: (await import('./routes/stats-route')).StatsRoute }) },
      { path: 'units', lazy: async () => ({ Component: (await import('./routes/unit-route')).UnitRoute }) },
      { path: 'units/:id', lazy: async () => ({ Component: (await import('./routes/unit-route')).UnitRoute }) },
      { path: '*', lazy: async () => ({ Component: (await import('./routes/not-found-route')).NotFoundRoute }) },
    ],
  },
];

/** /login is open to everyone; every other page waits for the session and needs someone signed in (or PUBLIC_VIEW). */
export const appRoutes: RouteObject[] = [
  {
    path: '/login',
    lazy: async () => ({ Component: (await import('./routes/login-route')).LoginRoute }),
    ErrorBoundary: RouteError,
    HydrateFallback: RouteLoading,
  },
  { Component: SessionGate, ErrorBoundary: RouteError, HydrateFallback: RouteLoading, children: signedInRoutes },
];

export function createAppRouter() {
  return createBrowserRouter(appRoutes);
}
