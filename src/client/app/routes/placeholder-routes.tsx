import { PlaceholderPage } from './placeholder-page';

export const BacklogRoute = () => <PlaceholderPage title="page.backlog.title" text="page.backlog.placeholder" />;
export const SatisfactionRoute = () => <PlaceholderPage title="page.satisfaction.title" text="page.satisfaction.placeholder" />;
export const RankingsRoute = () => <PlaceholderPage title="page.rankings.title" text="page.rankings.placeholder" />;
