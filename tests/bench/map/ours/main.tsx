/**
 * The benchmark's "ours, map alone" page, never shipped: the product's MapPanel (the same module the app and the
 * wall use) on a bare page of the same size as the baseline's map, so the two maps are compared like for like.
 * The benchmark also measures the full /map page of the built app.
 */
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import '../../../../src/client/app/styles/base.css';
import { MapPanel } from '../../../../src/client/features/map/components/map-panel';
import { DEFAULT_FILTERS } from '../../../../src/client/features/map/model/map-filters';
import { I18nProvider } from '../../../../src/client/lib/i18n/i18n-context';

const params = new URLSearchParams(location.search);
const size = { width: Number(params.get('w') ?? 900), height: Number(params.get('h') ?? 600) };
const variant = params.get('variant') === 'wall' ? 'wall' : 'desk';

function Page() {
  return (
    <div style={{ ...size, background: variant === 'wall' ? '#0b131d' : undefined }}>
      <MapPanel filters={DEFAULT_FILTERS} choropleth="off" variant={variant} legend />
    </div>
  );
}

const router = createBrowserRouter([{ path: '*', Component: Page }]);
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <I18nProvider>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
