import type { EventInput } from '../../src/shared/contract/event';
import { referenceData } from '../../src/shared/domain/reference';

let counter = 0;
const uid = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export function reference() {
  const ref = referenceData();
  const category = ref.categories[0];
  const agency = ref.agencies[0];
  const otherAgency = ref.agencies[1];
  // a ward of Thành phố Huế: its representative point is inside the city
  const ward = ref.wards.find((w) => w.districtCode === '474');
  if (!category || !agency || !otherAgency || !ward) throw new Error('reference data is missing categories, agencies or wards');
  return { ref, category, agency, otherAgency, ward };
}

/** A valid `created` input (as JSON the API accepts); override any field. */
export function created(overrides: Record<string, unknown> = {}): Record<string, unknown> & { externalId: string; sourceEventId: string } {
  const { category, ward } = reference();
  return {
    sourceEventId: uid('src'),
    externalId: uid('ext'),
    type: 'created',
    at: '2024-03-15T06:00:00.000Z',
    title: 'Rác thải ùn ứ trên đường Lê Lợi',
    description: 'Rác thải sinh hoạt để lâu ngày chưa được thu gom, gây mùi hôi.',
    categoryId: category.id,
    lat: ward.lat,
    lng: ward.lng,
    address: '12 Lê Lợi, Phường Vĩnh Ninh',
    channel: 'app',
    media: [],
    reporter: { name: 'Nguyễn Văn Bí Mật', phone: '0905 123 456' },
    ...overrides,
  } as Record<string, unknown> & { externalId: string; sourceEventId: string };
}

/** A later event on the report `externalId`. */
export function later(externalId: string, type: EventInput['type'], fields: Record<string, unknown> = {}, at = '2024-03-15T06:30:00.000Z') {
  return { sourceEventId: uid('src'), externalId, type, at, ...fields };
}
