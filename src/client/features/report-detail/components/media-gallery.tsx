import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { MediaItem } from '../../../../shared/contract/report';
import { useI18n } from '../../../lib/i18n/i18n-context';

export interface GalleryItem extends MediaItem {
  /** a photo of the unit's result rather than of the problem */
  result: boolean;
}

const IMAGE_URL = /\.(png|jpe?g|gif|webp|avif|svg)(\?.*)?$/i;

/** The demo's "videos" are poster images: anything with an image extension is shown as an image. */
const showsAsImage = (m: MediaItem) => m.kind === 'image' || IMAGE_URL.test(m.url);

function MediaView({ item, alt, large }: { item: GalleryItem; alt: string; large?: boolean }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState<string | null>(null);
  if (failed === item.url) {
    return (
      <div className="gallery__placeholder" role="img" aria-label={`${alt} — ${t('detail.media.failed')}`}>
        <span aria-hidden="true">⚠</span>
        <span>{t('detail.media.failed')}</span>
      </div>
    );
  }
  const onError = () => setFailed(item.url);
  if (showsAsImage(item)) {
    return <img className={large ? 'gallery__image gallery__image--large' : 'gallery__image'} src={item.url} alt={alt} onError={onError} />;
  }
  if (item.kind === 'audio') return <audio className="gallery__audio" src={item.url} controls preload="none" aria-label={alt} onError={onError} />;
  return <video className="gallery__video" src={item.url} controls preload="metadata" aria-label={alt} onError={onError} />;
}

/**
 * Photos and videos of the report (and of the result): one large view with previous/next, a strip of
 * thumbnails, and an enlarged view. Keyboard: ←/→ (and Home/End) move between files, Enter enlarges, Esc
 * closes the enlarged view (and only it: the drawer around stays open).
 */
export function MediaGallery({ items, title }: { items: readonly GalleryItem[]; title: string }) {
  const { t, fmt } = useI18n();
  const [index, setIndex] = useState(0);
  const [enlarged, setEnlarged] = useState(false);
  const viewerRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasEnlarged = useRef(false);
  const total = items.length;
  const at = Math.min(index, Math.max(0, total - 1));

  useEffect(() => {
    if (enlarged) viewerRef.current?.focus();
    else if (wasEnlarged.current) openerRef.current?.focus();
    wasEnlarged.current = enlarged;
  }, [enlarged]);

  if (total === 0) return <p className="gallery__none">{t('detail.media.none')}</p>;

  const altOf = (i: number) => {
    const item = items[i] as GalleryItem;
    const own = item.name?.trim();
    const base = item.result ? t('detail.media.altResult', fmt.number(i + 1), fmt.number(total), title) : t('detail.media.alt', fmt.number(i + 1), fmt.number(total), title);
    return own ? `${base} (${own})` : base;
  };
  const go = (i: number) => setIndex(((i % total) + total) % total);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight') go(at + 1);
    else if (e.key === 'ArrowLeft') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(total - 1);
    else if (e.key === 'Escape' && enlarged) {
      // the enlarged view closes; the drawer must not see this Esc
      e.stopPropagation();
      setEnlarged(false);
    } else return;
    e.preventDefault();
  };

  const current = items[at] as GalleryItem;
  return (
    <div className="gallery" role="group" aria-roledescription="carousel" aria-label={t('detail.media.label')} onKeyDown={onKeyDown}>
      <div className="gallery__stage">
        <MediaView key={`${at}:${current.url}`} item={current} alt={altOf(at)} />
        <span className="gallery__badges">
          {current.result && <span className="gallery__badge">{t('detail.media.result')}</span>}
          {current.kind !== 'image' && <span className="gallery__badge">{current.kind === 'audio' ? t('detail.media.audio') : t('detail.media.video')}</span>}
        </span>
      </div>
      <div className="gallery__controls">
        <button type="button" className="gallery__nav" onClick={() => go(at - 1)} aria-label={t('detail.media.prev')} disabled={total < 2}>
          ←
        </button>
        <span className="gallery__position" aria-live="polite">
          {t('detail.media.position', fmt.number(at + 1), fmt.number(total))}
        </span>
        <button type="button" className="gallery__nav" onClick={() => go(at + 1)} aria-label={t('detail.media.next')} disabled={total < 2}>
          →
        </button>
        <button ref={openerRef} type="button" className="gallery__open" onClick={() => setEnlarged(true)}>
          {t('detail.media.open')}
        </button>
      </div>
      {total > 1 && (
        <ul className="gallery__thumbs">
          {items.map((m, i) => (
            <li key={`${i}:${m.url}`}>
              <button
                type="button"
                className={i === at ? 'gallery__thumb gallery__thumb--current' : 'gallery__thumb'}
                aria-label={t('detail.media.thumb', fmt.number(i + 1))}
                aria-current={i === at ? 'true' : undefined}
                onClick={() => go(i)}
              >
                {showsAsImage(m) ? <img src={m.url} alt="" loading="lazy" /> : <span aria-hidden="true">▶</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden">{t('detail.media.hint')}</p>
      {enlarged && (
        <div className="gallery__viewer" role="dialog" aria-modal="true" aria-label={altOf(at)} tabIndex={-1} ref={viewerRef}>
          <MediaView key={`big:${at}:${current.url}`} item={current} alt={altOf(at)} large />
          <div className="gallery__viewer-bar">
            <button type="button" className="gallery__nav" onClick={() => go(at - 1)} aria-label={t('detail.media.prev')} disabled={total < 2}>
              ←
            </button>
            <span>{t('detail.media.position', fmt.number(at + 1), fmt.number(total))}</span>
            <button type="button" className="gallery__nav" onClick={() => go(at + 1)} aria-label={t('detail.media.next')} disabled={total < 2}>
              →
            </button>
            <button type="button" className="gallery__close" onClick={() => setEnlarged(false)}>
              {t('detail.media.closeViewer')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
