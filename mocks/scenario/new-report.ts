import type { Channel } from '../../src/shared/contract/common';
import type { MediaItem } from '../../src/shared/contract/report';
import { DEMO_MEDIA, mediaUrl } from './media';
import type { DemoMedia } from './media';
import type { Place } from './places';
import type { Rng } from './rng';
import { reportDescription, reportTitle, reporter } from './text-vi';
import type { EventBody } from './lifecycle';

/** A report as the citizen sends it, before any handling. */
export interface NewReport {
  externalId: string;
  receivedAt: number;
  categoryId: string;
  urgent: boolean;
  place: Place;
  channel: Channel;
  /** the same problem at the same place as an earlier report ("they violate again after the fix") */
  repeat: boolean;
}

const asItem = (m: DemoMedia): MediaItem => ({ url: mediaUrl(m), kind: m.kind, name: m.caption });

function citizenMedia(rng: Rng, categoryId: string, channel: Channel): MediaItem[] {
  // a hotline call brings no pictures; the app nearly always does
  if (channel === 'hotline') return [];
  const photos = DEMO_MEDIA.filter((m) => m.kind === 'image' && m.categoryIds.includes(categoryId));
  const videos = DEMO_MEDIA.filter((m) => m.kind === 'video' && m.categoryIds.includes(categoryId));
  const wanted = rng.weighted([[0, 12], [1, 45], [2, 30], [3, 13]] as const);
  const pool = [...photos];
  const out: MediaItem[] = [];
  while (out.length < wanted && pool.length > 0) {
    const i = rng.int(0, pool.length - 1);
    const [m] = pool.splice(i, 1);
    if (m) out.push(asItem(m));
  }
  if (out.length === 0 && wanted > 0) {
    const fallback = DEMO_MEDIA.find((m) => m.name === 'khac-1');
    if (fallback) out.push(asItem(fallback));
  }
  if (videos.length > 0 && rng.chance(0.07)) out.push(asItem(rng.pick(videos)));
  return out;
}

export function resultMedia(rng: Rng): MediaItem[] {
  if (!rng.chance(0.55)) return [];
  return [asItem(rng.pick(DEMO_MEDIA.filter((m) => m.categoryIds.length === 0)))];
}

/** The `created` event of a new report (ward and district are left to the server, which derives them). */
export function createdBody(rng: Rng, r: NewReport, caseIndex: number): EventBody {
  return {
    type: 'created',
    title: reportTitle(rng, r.categoryId, caseIndex, r.place),
    description: reportDescription(rng, r.categoryId, caseIndex, r.place, r.repeat),
    categoryId: r.categoryId,
    lat: r.place.lat,
    lng: r.place.lng,
    address: r.place.address,
    channel: r.channel,
    media: citizenMedia(rng, r.categoryId, r.channel),
    // some citizens report anonymously through the web portal or social media
    ...(r.channel !== 'app' && r.channel !== 'hotline' && rng.chance(0.3) ? {} : { reporter: reporter(rng) }),
    urgent: r.urgent,
  };
}
