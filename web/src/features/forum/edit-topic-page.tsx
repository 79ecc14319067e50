import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useTopic, useUpdateTopic } from './api.js';
import { TopicForm } from './components/topic-form.js';

export function EditTopicPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const topic = useTopic(id);
  const update = useUpdateTopic(id);
  if (topic.isPending) return <Spinner />;
  if (topic.isError) return <Alert tone="error">{errorMessage(t, topic.error)}</Alert>;
  const back = `/forum/topics/${id}`;
  return (
    <div className="stack">
      <nav aria-label={t('forum.breadcrumb')} className="breadcrumb">
        <Link to="/forum">{t('forum.title')}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={back}>{topic.data.title}</Link>
      </nav>
      <PageTitle>{t('forum.editTopicTitle')}</PageTitle>
      <div className="card">
        {topic.data.can.edit ? (
          <TopicForm
            initial={{ categoryId: topic.data.categoryId, title: topic.data.title, body: topic.data.body }}
            submitLabel={t('forum.form.saveChanges')}
            pendingLabel={t('common.saving')}
            onSubmit={async (body) => {
              await update.mutateAsync(body);
              await navigate(back);
            }}
            onCancel={() => void navigate(back)}
          />
        ) : (
          <Alert tone="error">{t('errors.FORBIDDEN')}</Alert>
        )}
      </div>
    </div>
  );
}
