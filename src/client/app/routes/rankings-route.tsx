import { useNavigate, useParams } from 'react-router';
import { RankingsPage } from '../../features/rankings/components/rankings-page';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';

const QUARTER = /^\d{4}-Q[1-4]$/;

/** /rankings (the current quarter) and /rankings/2026-Q3; unit names lead to the unit-head view. */
export function RankingsRoute() {
  const { t } = useI18n();
  const { quarter } = useParams();
  const navigate = useNavigate();
  useDocumentTitle(t('nav.rankings'));
  return (
    <RankingsPage
      quarter={quarter && QUARTER.test(quarter) ? quarter : null}
      onQuarterChange={(q) => void navigate(`/rankings/${q}`)}
      unitHref={(id) => `/units/${encodeURIComponent(id)}`}
    />
  );
}
