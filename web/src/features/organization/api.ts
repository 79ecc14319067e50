import type {
  CreateInvitationBody,
  Invitation,
  InvitationStats,
  Member,
  Organization,
  OrganizationStats,
  Page,
  UpdateMemberBody,
  UpdateOrganizationBody,
} from '@p2p/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.js';
import { ME_KEY } from '../../lib/session.js';
import { toQuery } from '../../lib/query-string.js';

export const ORG_KEY = ['organization'] as const;

export function useOrganization() {
  return useQuery({ queryKey: [...ORG_KEY, 'me'], queryFn: ({ signal }) => api.get<Organization>('/api/v1/organizations/me', signal) });
}

export function useOrganizationStats(enabled: boolean) {
  return useQuery({
    queryKey: [...ORG_KEY, 'stats'],
    queryFn: ({ signal }) => api.get<OrganizationStats>('/api/v1/organizations/me/stats', signal),
    enabled,
  });
}

/** After anything that changes the company, refresh what shows it (the header reads it from /users/me). */
export function useRefreshOrganization() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ORG_KEY }), queryClient.invalidateQueries({ queryKey: ME_KEY })]);
}

export function useUpdateOrganization() {
  const refresh = useRefreshOrganization();
  return useMutation({
    mutationFn: (body: UpdateOrganizationBody) => api.patch<Organization>('/api/v1/organizations/me', body),
    onSuccess: refresh,
  });
}

export interface MemberFilters {
  page: number;
  search: string;
  role: string;
  status: string;
  department: string;
}

export function useMembers(filters: MemberFilters) {
  return useQuery({
    queryKey: [...ORG_KEY, 'members', filters],
    queryFn: ({ signal }) => api.get<Page<Member>>(`/api/v1/users?${toQuery({ ...filters, pageSize: 20 })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateMember() {
  const refresh = useRefreshOrganization();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMemberBody }) => api.patch<unknown>(`/api/v1/users/${id}`, body),
    onSuccess: refresh,
  });
}

export function useRemoveMember() {
  const refresh = useRefreshOrganization();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/v1/users/${id}`), onSuccess: refresh });
}

export function useInvitations(status: string, page: number) {
  return useQuery({
    queryKey: [...ORG_KEY, 'invitations', status, page],
    queryFn: ({ signal }) => api.get<Page<Invitation>>(`/api/v1/invitations?${toQuery({ status, page, pageSize: 20 })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInvitationStats() {
  return useQuery({
    queryKey: [...ORG_KEY, 'invitation-stats'],
    queryFn: ({ signal }) => api.get<InvitationStats>('/api/v1/invitations/stats', signal),
  });
}

export function useCreateInvitation() {
  const refresh = useRefreshOrganization();
  return useMutation({ mutationFn: (body: CreateInvitationBody) => api.post<Invitation>('/api/v1/invitations', body), onSuccess: refresh });
}

export function useInvitationAction() {
  const refresh = useRefreshOrganization();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'cancel' | 'resend'; email: string }) =>
      api.post<Invitation>(`/api/v1/invitations/${id}/${action}`),
    onSuccess: refresh,
  });
}
