import type { resilienceVi } from './resilience-vi';

type Section<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };

export const resilienceEn: Section<typeof resilienceVi> = {
  'resilience.resynced': (time, reason) =>
    `All data reloaded at ${time} (${reason === 'too_far_behind' ? 'disconnected too long to catch up event by event' : 'the server’s data was replaced'})`,
};
