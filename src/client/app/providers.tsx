import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { I18nProvider } from '../lib/i18n/i18n-context';
import './styles/base.css';

/** App-wide context. The live stream needs none: it lives outside React and is read through hooks. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <StrictMode>
      <I18nProvider>{children}</I18nProvider>
    </StrictMode>
  );
}
