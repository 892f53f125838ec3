import { createBrowserRouter, Navigate } from 'react-router';
import type { RouteObject } from 'react-router';
import { AppShell } from './app-shell';
import { RouteError } from './route-error';
import { RouteLoading } from './route-loading';

/** Route modules are lazy: each page (and the wall, which loads only what it shows) is its own chunk. */
export const appRoutes: RouteObject[] = [
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

export function createAppRouter() {
  return createBrowserRouter(appRoutes);
}
