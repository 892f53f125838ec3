import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MOCK_OPERATOR_TOKEN } from '../../../../mocks/handlers';
import { sessionResponse } from '../../../shared/contract/session';
import { setupMockApi } from '../../test/mock-api';
import { fetchJson } from '../api/http';
import { I18nProvider } from '../i18n/i18n-context';
import { SessionButton } from './session-button';
import { getOperatorToken, OPERATOR_TOKEN_KEY, setOperatorToken } from './session-store';

setupMockApi({ days: 0 });

const role = () => screen.getByTestId('session-state').getAttribute('data-role');

describe('operator sign-in', () => {
  it('refuses a wrong token, keeps a right one, and every API request then carries it', async () => {
    render(
      <I18nProvider>
        <SessionButton />
      </I18nProvider>,
    );
    expect(role()).toBe('public');
    expect((await fetchJson('/api/v1/session', sessionResponse)).role).toBe('public');
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập điều hành viên' }));
    const input = screen.getByLabelText('Mã điều hành');
    fireEvent.change(input, { target: { value: 'guess' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Mã không đúng');
    expect(getOperatorToken()).toBeNull();

    fireEvent.change(input, { target: { value: ` ${MOCK_OPERATOR_TOKEN} ` } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    await vi.waitFor(() => expect(role()).toBe('operator'));
    expect(localStorage.getItem(OPERATOR_TOKEN_KEY)).toBe(MOCK_OPERATOR_TOKEN);
    // lib/api/http attaches it: the server now treats this browser as an operator's
    expect((await fetchJson('/api/v1/session', sessionResponse)).role).toBe('operator');

    fireEvent.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    expect(role()).toBe('public');
    expect(localStorage.getItem(OPERATOR_TOKEN_KEY)).toBeNull();
    expect((await fetchJson('/api/v1/session', sessionResponse)).role).toBe('public');
  }, 30_000);

  it('drops a stored token the server no longer accepts (it restarted with a new one)', async () => {
    setOperatorToken('stale-token');
    render(
      <I18nProvider>
        <SessionButton />
      </I18nProvider>,
    );
    await vi.waitFor(() => expect(role()).toBe('public'));
    expect(getOperatorToken()).toBeNull();
  }, 30_000);
});
