import { z } from 'zod';
import { channel, eventType, isoInstant, rating } from './common';
import { mediaItem, report, reporter } from './report';

const text = (max: number) => z.string().trim().min(1).max(max);

const base = {
  /** the source platform's id for this event: ingest is idempotent on it */
  sourceEventId: text(200),
  at: isoInstant,
  /** the source platform's id for the report */
  externalId: text(200),
  /** who did it (officer, operator, citizen handle); free text */
  actor: z.string().trim().max(200).optional(),
};

export const createdInput = z.object({
  ...base,
  type: z.literal('created'),
  title: text(300),
  description: z.string().max(10_000).default(''),
  categoryId: text(100),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  address: text(500),
  channel: channel.default('app'),
  media: z.array(mediaItem).max(20).default([]),
  reporter: reporter.optional(),
  urgent: z.boolean().default(false),
  wardCode: z.string().max(20).optional(),
  districtCode: z.string().max(20).optional(),
});

export const verifiedInput = z.object({
  ...base,
  type: z.literal('verified'),
  categoryId: text(100).optional(),
  urgent: z.boolean().optional(),
});
export const rejectedInput = z.object({ ...base, type: z.literal('rejected'), reason: text(2000) });
export const assignedInput = z.object({
  ...base,
  type: z.literal('assigned'),
  agencyId: text(100),
  coordinatingAgencyIds: z.array(text(100)).max(10).default([]),
});
export const transferredInput = z.object({
  ...base,
  type: z.literal('transferred'),
  agencyId: text(100),
  reason: z.string().max(2000).default(''),
});
export const startedInput = z.object({ ...base, type: z.literal('started') });
export const extendedInput = z.object({
  ...base,
  type: z.literal('extended'),
  dueAt: isoInstant,
  reason: z.string().max(2000).default(''),
});
export const commentedInput = z.object({
  ...base,
  type: z.literal('commented'),
  author: z.enum(['citizen', 'agency', 'centre']),
  text: text(5000),
});
export const resolvedInput = z.object({
  ...base,
  type: z.literal('resolved'),
  resultText: text(10_000),
  media: z.array(mediaItem).max(20).default([]),
});
export const ratedInput = z.object({ ...base, type: z.literal('rated'), rating });
export const reopenedInput = z.object({
  ...base,
  type: z.literal('reopened'),
  reason: z.string().max(2000).default(''),
  /** "Phản ánh lần 2": the citizen reported the same unfixed problem again */
  secondReport: z.boolean().default(false),
});
export const remindedInput = z.object({
  ...base,
  type: z.literal('reminded'),
  channel: z.enum(['sms', 'phone', 'email']),
  target: z.enum(['officer', 'unit_leader', 'province']),
  note: z.string().max(2000).default(''),
});

const eventInputUnion = z.discriminatedUnion('type', [
  createdInput,
  verifiedInput,
  rejectedInput,
  assignedInput,
  transferredInput,
  startedInput,
  extendedInput,
  commentedInput,
  resolvedInput,
  ratedInput,
  reopenedInput,
  remindedInput,
]);

/**
 * One ingest event. A `created` event may carry the report's fields flat or nested under `report`
 * (both shapes are seen from platforms); nested fields are lifted before validation.
 */
export const eventInput = z.preprocess((raw) => {
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const obj = raw as Record<string, unknown>;
    if (obj.type === 'created' && obj.report && typeof obj.report === 'object' && !Array.isArray(obj.report)) {
      const { report: nested, ...rest } = obj;
      return { ...(nested as Record<string, unknown>), ...rest };
    }
  }
  return raw;
}, eventInputUnion);
export type EventInput = z.output<typeof eventInputUnion>;
export type CreatedInput = z.output<typeof createdInput>;

/** The ingest body: one event or a batch (all-or-nothing). */
export const MAX_INGEST_BATCH = 1000;
export const ingestBody = z.union([eventInput, z.array(eventInput).min(1).max(MAX_INGEST_BATCH)]);

export const ingestResult = z.object({
  sourceEventId: z.string(),
  seq: z.number().int().positive(),
  reportId: z.number().int().positive(),
  /** true when this sourceEventId had been ingested before: nothing was stored this time */
  duplicate: z.boolean(),
});
export type IngestResult = z.infer<typeof ingestResult>;
export const ingestResponse = z.object({ results: z.array(ingestResult), seq: z.number().int().nonnegative() });
export type IngestResponse = z.infer<typeof ingestResponse>;

/** An event as stored in the log (type-specific fields in `data`; never reporter identity). */
export const storedEvent = z.object({
  seq: z.number().int().positive(),
  type: eventType,
  reportId: z.number().int().positive(),
  at: isoInstant,
  recordedAt: isoInstant,
  actor: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type StoredEvent = z.infer<typeof storedEvent>;

/** What the live stream carries: the event plus the report's state after it. */
export const liveEvent = storedEvent.extend({ report });
export type LiveEvent = z.infer<typeof liveEvent>;
