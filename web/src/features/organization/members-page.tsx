import { ORG_ROLES, USER_STATUSES, type Member } from '@p2p/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SelectField, TextField } from '../../components/ui/field.js';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { Pagination } from '../../components/ui/pagination.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useMe } from '../../lib/session.js';
import { type MemberFilters, useMembers, useRemoveMember, useUpdateMember } from './api.js';

const EMPTY_FILTERS: MemberFilters = { page: 1, search: '', role: '', status: '', department: '' };

function MemberRow({
  member,
  isSelf,
  onNotice,
}: {
  member: Member;
  isSelf: boolean;
  onNotice: (tone: 'success' | 'error', text: string) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateMember();
  const remove = useRemoveMember();
  const [confirming, setConfirming] = useState(false);
  const report = {
    onSuccess: () => onNotice('success', t('members.updated', { name: member.name })),
    onError: (e: unknown) => onNotice('error', errorMessage(t, e)),
  };
  return (
    <tr>
      <td>
        <Link to={`/users/${member.id}`}>{member.name}</Link>
        {isSelf ? <span className="badge">{t('members.you')}</span> : null}
        {member.jobTitle ? <div className="muted">{member.jobTitle}</div> : null}
      </td>
      <td dir="ltr" className="cell-ltr">
        {member.email}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`role-${member.id}`}>
          {t('members.changeRole', { name: member.name })}
        </label>
        <select
          id={`role-${member.id}`}
          value={member.role}
          disabled={isSelf || update.isPending}
          onChange={(e) => update.mutate({ id: member.id, body: { role: e.target.value as Member['role'] } }, report)}
        >
          {ORG_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`members.roles.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>{t(`members.statuses.${member.status}`)}</td>
      <td>{member.department ?? '—'}</td>
      <td>
        {isSelf || member.status === 'suspended' ? null : confirming ? (
          <div className="confirm" role="group" aria-label={t('members.remove')}>
            <p>{t('members.removeConfirm', { name: member.name })}</p>
            <button
              type="button"
              className="button button--danger button--small"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(member.id, {
                  onSuccess: () => onNotice('success', t('members.removed', { name: member.name })),
                  onError: (e) => onNotice('error', errorMessage(t, e)),
                })
              }
            >
              {t('members.removeYes')}
            </button>
            <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
              {t('members.cancel')}
            </button>
          </div>
        ) : (
          <div className="actions">
            <button
              type="button"
              className="button button--small"
              disabled={update.isPending}
              onClick={() => update.mutate({ id: member.id, body: { status: member.status === 'active' ? 'inactive' : 'active' } }, report)}
              aria-label={`${member.status === 'active' ? t('members.deactivate') : t('members.activate')}: ${member.name}`}
            >
              {member.status === 'active' ? t('members.deactivate') : t('members.activate')}
            </button>
            <button
              type="button"
              className="button button--danger button--small"
              onClick={() => setConfirming(true)}
              aria-label={`${t('members.remove')}: ${member.name}`}
            >
              {t('members.remove')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

export function MembersPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [filters, setFilters] = useState<MemberFilters>(EMPTY_FILTERS);
  const [draft, setDraft] = useState<MemberFilters>(EMPTY_FILTERS);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const members = useMembers(filters);
  const any = { value: '', label: t('members.any') };
  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft, page: 1 });
  };
  return (
    <>
      <PageTitle>{t('members.title')}</PageTitle>
      <form className="card filters" role="search" onSubmit={onFilter}>
        <TextField
          label={t('members.search')}
          name="search"
          type="search"
          value={draft.search}
          onChange={(e) => setDraft({ ...draft, search: e.target.value })}
        />
        <SelectField
          label={t('members.role')}
          name="role"
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value })}
          options={[any, ...ORG_ROLES.map((r) => ({ value: r, label: t(`members.roles.${r}`) }))]}
        />
        <SelectField
          label={t('members.status')}
          name="status"
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          options={[any, ...USER_STATUSES.map((s) => ({ value: s, label: t(`members.statuses.${s}`) }))]}
        />
        <TextField
          label={t('members.department')}
          name="department"
          value={draft.department}
          onChange={(e) => setDraft({ ...draft, department: e.target.value })}
        />
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            {t('members.filter')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(EMPTY_FILTERS);
              setFilters(EMPTY_FILTERS);
            }}
          >
            {t('members.clear')}
          </button>
        </div>
      </form>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {members.isPending ? <Spinner /> : null}
      {members.isError ? <Alert tone="error">{errorMessage(t, members.error)}</Alert> : null}
      {members.data ? (
        <section className="card" aria-labelledby="members-count">
          <h2 id="members-count">{t('members.count', { count: members.data.total })}</h2>
          {members.data.items.length === 0 ? (
            <EmptyState>{t('members.empty')}</EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('members.columnName')}</th>
                    <th scope="col">{t('members.columnEmail')}</th>
                    <th scope="col">{t('members.columnRole')}</th>
                    <th scope="col">{t('members.columnStatus')}</th>
                    <th scope="col">{t('members.columnDepartment')}</th>
                    <th scope="col">{t('members.columnActions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.data.items.map((m) => (
                    <MemberRow key={m.id} member={m} isSelf={m.id === me?.id} onNotice={(tone, text) => setNotice({ tone, text })} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={members.data.page} totalPages={members.data.totalPages} onPage={(page) => setFilters({ ...filters, page })} />
        </section>
      ) : null}
    </>
  );
}
