import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';

function SectionPage({ title, empty }: { title: string; empty: string }) {
  return (
    <div className="stack">
      <PageTitle>{title}</PageTitle>
      <div className="card">
        <EmptyState>{empty}</EmptyState>
      </div>
    </div>
  );
}

export function MessagesPage() {
  const { t } = useTranslation();
  return <SectionPage title={t('sections.messagesTitle')} empty={t('sections.messagesEmpty')} />;
}
