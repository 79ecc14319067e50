import { createBrowserRouter } from 'react-router';
import { PublicLayout } from '../components/layout/public-layout.js';
import { GuestOnly, RequireAuth, RouteError } from './guards.js';

// Every page is its own chunk; the shell and the landing page load first.
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { index: true, lazy: () => import('../pages/landing-page.js').then((m) => ({ Component: m.LandingPage })) },
          {
            element: <GuestOnly />,
            children: [
              { path: 'sign-in', lazy: () => import('../features/auth/sign-in-page.js').then((m) => ({ Component: m.SignInPage })) },
              { path: 'sign-up', lazy: () => import('../features/auth/sign-up-page.js').then((m) => ({ Component: m.SignUpPage })) },
            ],
          },
          {
            path: 'forgot-password',
            lazy: () => import('../features/auth/password-pages.js').then((m) => ({ Component: m.ForgotPasswordPage })),
          },
          {
            path: 'reset-password',
            lazy: () => import('../features/auth/password-pages.js').then((m) => ({ Component: m.ResetPasswordPage })),
          },
          {
            path: 'email-verified',
            lazy: () => import('../features/auth/email-verified-page.js').then((m) => ({ Component: m.EmailVerifiedPage })),
          },
          {
            path: 'invitations/accept',
            lazy: () => import('../features/invitations/accept-invitation-page.js').then((m) => ({ Component: m.AcceptInvitationPage })),
          },
          { path: 'privacy', lazy: () => import('../features/privacy/privacy-page.js').then((m) => ({ Component: m.PrivacyPage })) },
          {
            path: 'organizations/:id',
            lazy: () => import('../features/people/card-pages.js').then((m) => ({ Component: m.OrganizationCardPage })),
          },
        ],
      },
      {
        // The use-case library is open to guests (public cases only): the app shell when signed in, the public frame otherwise.
        lazy: () => import('../features/use-cases/library-layout.js').then((m) => ({ Component: m.LibraryLayout })),
        children: [
          { path: 'use-cases', lazy: () => import('../features/use-cases/library-page.js').then((m) => ({ Component: m.LibraryPage })) },
          {
            path: 'use-cases/search',
            lazy: () => import('../features/use-cases/search-page.js').then((m) => ({ Component: m.SearchPage })),
          },
          {
            path: 'use-cases/location',
            lazy: () => import('../features/use-cases/location-page.js').then((m) => ({ Component: m.LocationPage })),
          },
          { path: 'use-cases/:id', lazy: () => import('../features/use-cases/case-page.js').then((m) => ({ Component: m.CasePage })) },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          { path: 'use-cases/new', lazy: () => import('../features/use-cases/editor-page.js').then((m) => ({ Component: m.NewCasePage })) },
          {
            path: 'use-cases/:id/edit',
            lazy: () => import('../features/use-cases/editor-page.js').then((m) => ({ Component: m.EditCasePage })),
          },
          {
            path: 'use-cases/saved',
            lazy: () => import('../features/use-cases/saved-cases-page.js').then((m) => ({ Component: m.SavedCasesPage })),
          },
          {
            path: 'admin/moderation',
            lazy: () => import('../features/use-cases/moderation-page.js').then((m) => ({ Component: m.ModerationPage })),
          },
          {
            path: 'dashboard',
            lazy: () => import('../features/dashboard/dashboard-page.js').then((m) => ({ Component: m.DashboardPage })),
          },
          { path: 'forum', lazy: () => import('../features/forum/forum-page.js').then((m) => ({ Component: m.ForumPage })) },
          { path: 'forum/new', lazy: () => import('../features/forum/new-topic-page.js').then((m) => ({ Component: m.NewTopicPage })) },
          {
            path: 'forum/categories',
            lazy: () => import('../features/forum/categories-page.js').then((m) => ({ Component: m.CategoriesPage })),
          },
          { path: 'forum/search', lazy: () => import('../features/forum/search-page.js').then((m) => ({ Component: m.SearchPage })) },
          { path: 'forum/topics/:id', lazy: () => import('../features/forum/topic-page.js').then((m) => ({ Component: m.TopicPage })) },
          {
            path: 'forum/topics/:id/edit',
            lazy: () => import('../features/forum/edit-topic-page.js').then((m) => ({ Component: m.EditTopicPage })),
          },
          {
            path: 'use-cases/saved-searches',
            lazy: () => import('../features/use-cases/saved-searches-page.js').then((m) => ({ Component: m.SavedSearchesPage })),
          },
          { path: 'messages', lazy: () => import('../features/sections/section-pages.js').then((m) => ({ Component: m.MessagesPage })) },
          { path: 'security', lazy: () => import('../features/account/security-page.js').then((m) => ({ Component: m.SecurityPage })) },
          { path: 'profile', lazy: () => import('../features/account/profile-page.js').then((m) => ({ Component: m.ProfilePage })) },
          { path: 'users/:id', lazy: () => import('../features/people/card-pages.js').then((m) => ({ Component: m.UserCardPage })) },
          {
            path: 'organization',
            lazy: () => import('../features/organization/organization-layout.js').then((m) => ({ Component: m.OrganizationLayout })),
            children: [
              {
                index: true,
                lazy: () => import('../features/organization/organization-page.js').then((m) => ({ Component: m.OrganizationPage })),
              },
              {
                path: 'members',
                lazy: () => import('../features/organization/members-page.js').then((m) => ({ Component: m.MembersPage })),
              },
              {
                path: 'invitations',
                lazy: () => import('../features/organization/invitations-page.js').then((m) => ({ Component: m.InvitationsPage })),
              },
            ],
          },
        ],
      },
      {
        element: <PublicLayout />,
        children: [{ path: '*', lazy: () => import('../pages/not-found-page.js').then((m) => ({ Component: m.NotFoundPage })) }],
      },
    ],
  },
]);
