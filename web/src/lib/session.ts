import type { Me } from '@p2p/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Language } from '@p2p/contracts/enums';
import { ApiError, api } from './api-client.js';
import { applyLanguage } from '../app/i18n.js';

export const ME_KEY = ['me'] as const;

/** Who is signed in: the user with their organization, or null for a guest. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Me>('/api/v1/users/me', signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** Set when the user signed out on purpose, so protected pages send them to sign-in without ?next=. */
export const SIGNED_OUT_KEY = ['session', 'signed-out'] as const;

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/sign-out'),
    onSettled: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] || q.queryKey.length > 1 });
      queryClient.setQueryData(SIGNED_OUT_KEY, true);
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}

/** Switches the interface language; when signed in the choice is stored on the profile too. */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (language: Language) => {
      await applyLanguage(language);
      const me = queryClient.getQueryData<Me | null>(ME_KEY);
      if (me && me.language !== language) {
        const updated = await api.patch<Me>('/api/v1/users/me', { language });
        queryClient.setQueryData(ME_KEY, updated);
      }
    },
  });
}
