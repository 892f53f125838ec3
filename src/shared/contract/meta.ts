import { z } from 'zod';
import { agencyKind, slaUnit } from './common';

export const agency = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: agencyKind,
  /** GSO district code the unit belongs to, null for province-wide units */
  districtCode: z.string().nullable(),
  parentId: z.string().nullable(),
});
export type Agency = z.infer<typeof agency>;

export const slaSpec = z.object({ amount: z.number().int().positive(), unit: slaUnit });
export type SlaSpec = z.infer<typeof slaSpec>;

export const category = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /**
   * routine deadline and the deadline for "xử lý tức thời" (urgent) cases; null means the default
   * (7 working days routine, 8 working hours urgent: see shared/domain/sla.ts)
   */
  sla: z.object({ routine: slaSpec.nullable(), urgent: slaSpec.nullable() }),
});
export type Category = z.infer<typeof category>;

export const district = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
});
export type District = z.infer<typeof district>;

export const ward = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  districtCode: z.string(),
  /** representative point (approximate: the register has no coordinates) */
  lat: z.number(),
  lng: z.number(),
});
export type Ward = z.infer<typeof ward>;

export const metaResponse = z.object({
  agencies: z.array(agency),
  categories: z.array(category),
  districts: z.array(district),
  wards: z.array(ward),
});
export type MetaResponse = z.infer<typeof metaResponse>;
