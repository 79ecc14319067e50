import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/ui/page-title.js';
import { useCreateTopic } from './api.js';
import { TopicForm } from './components/topic-form.js';

export function NewTopicPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateTopic();
  return (
    <div className="stack">
      <nav aria-label={t('forum.breadcrumb')} className="breadcrumb">
        <Link to="/forum">{t('forum.title')}</Link>
      </nav>
      <PageTitle>{t('forum.newTopicTitle')}</PageTitle>
      <div className="card">
        <TopicForm
          initial={{ categoryId: params.get('categoryId') ?? '', title: '', body: '' }}
          submitLabel={t('forum.form.publish')}
          pendingLabel={t('forum.form.publishing')}
          onSubmit={async (body) => {
            const topic = await create.mutateAsync(body);
            await navigate(`/forum/topics/${topic.id}`);
          }}
          onCancel={() => void navigate(-1)}
        />
      </div>
    </div>
  );
}
