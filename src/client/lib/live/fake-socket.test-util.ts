import type { LiveSocket } from './live-types';

type Handler = (...args: unknown[]) => void;
/** what the store registers: each handler takes its event's own arguments */
type AnyHandler = (...args: never[]) => void;

/** A stand-in for a socket.io-client Socket: the test plays the server. */
export class FakeSocket implements LiveSocket {
  connected = false;
  readonly sent: { event: string; payload: unknown }[] = [];
  private readonly handlers = new Map<string, Handler[]>();
  private readonly managerHandlers = new Map<string, Handler[]>();
  readonly io = {
    on: (event: string, fn: AnyHandler) => {
      this.managerHandlers.set(event, [...(this.managerHandlers.get(event) ?? []), fn as Handler]);
    },
  };

  /** true once the store has attached its listeners */
  get wired(): boolean {
    return this.handlers.size > 0;
  }

  on(event: string, fn: AnyHandler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn as Handler]);
    return this;
  }
  emit(event: string, payload: unknown): this {
    this.sent.push({ event, payload });
    return this;
  }
  connect(): this {
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }

  /** server → client */
  serverEmit(event: string, ...args: unknown[]): void {
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
  serverConnect(): void {
    this.connected = true;
    this.serverEmit('connect');
  }
  serverDrop(reason = 'transport close'): void {
    this.connected = false;
    this.serverEmit('disconnect', reason);
  }
  serverPing(): void {
    for (const fn of this.managerHandlers.get('ping') ?? []) fn();
  }
  subscriptions(): unknown[] {
    return this.sent.filter((s) => s.event === 'live:subscribe').map((s) => s.payload);
  }
}
