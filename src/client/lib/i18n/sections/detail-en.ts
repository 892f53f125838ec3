import type { detailVi } from './detail-vi';

type Section<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };

export const detailEn: Section<typeof detailVi> = {
  'detail.label': (title) => `Report details: ${title}`,
  'detail.close': 'Close',
  'detail.loading': 'Loading report details…',
  'detail.loadError': (message) => `Could not load the report: ${message}`,
  'detail.notFound': 'This report does not exist.',
};
