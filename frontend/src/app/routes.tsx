import type { RouteObject } from 'react-router';
import { HomeRedirect } from '@/components/auth/HomeRedirect';
import { ProtectedRoute } from '@/components/auth/ProtectedRoute';
import { RootLayout } from '@/components/layout/RootLayout';
import { SimpleLayout } from '@/components/layout/SimpleLayout';
import { prefetchDashboardOverview } from '@/services/partner/dashboard';
import { lazyPage } from './lazy-page';
import type { RouteHandle } from './route-prefetch';

// Route table: it only wires pages (each loaded lazily, so a page's code, charts included, loads with that page
// alone) into layouts and guards. Layouts show their page through PageOutlet, which also shows a page that could not
// load. Plain route objects, so the app (BrowserRouter + useRoutes) and the tests (a memory router) share them.

const DashboardLayout = lazyPage(async () => ({ default: (await import('@/components/layout/DashboardLayout')).DashboardLayout }));
const LoginPage = lazyPage(() => import('@/pages/LoginPage'));
const NotFoundPage = lazyPage(() => import('@/pages/NotFoundPage'));
const PartnerDashboardPage = lazyPage(() => import('@/pages/partner/PartnerDashboardPage'));
const SponsorshipsPage = lazyPage(() => import('@/pages/partner/SponsorshipsPage'));
const SponsorshipDetailPage = lazyPage(() => import('@/pages/partner/SponsorshipDetailPage'));
const SponsoredChildrenPage = lazyPage(() => import('@/pages/partner/SponsoredChildrenPage'));
const ChildProgressPage = lazyPage(() => import('@/pages/partner/ChildProgressPage'));
const ChildAlertsPage = lazyPage(() => import('@/pages/partner/ChildAlertsPage'));
const EnrollmentsPage = lazyPage(() => import('@/pages/partner/EnrollmentsPage'));
const CollaborationPage = lazyPage(() => import('@/pages/partner/CollaborationPage'));
const BudgetManagementPage = lazyPage(() => import('@/pages/partner/BudgetManagementPage'));
const GrantTrackingPage = lazyPage(() => import('@/pages/partner/GrantTrackingPage'));
const ROIMetricsPage = lazyPage(() => import('@/pages/partner/ROIMetricsPage'));
const CustomReportsPage = lazyPage(() => import('@/pages/partner/CustomReportsPage'));
const PartnerTeamPage = lazyPage(() => import('@/pages/partner/PartnerTeamPage'));
const InvitePage = lazyPage(() => import('@/pages/InvitePage'));
const SignUpPage = lazyPage(() => import('@/pages/SignUpPage'));
const PartnerProfilePage = lazyPage(() => import('@/pages/partner/PartnerProfilePage'));
const AdminPartnersPage = lazyPage(() => import('@/pages/admin/AdminPartnersPage'));
const PartnerNotificationsPage = lazyPage(() => import('@/pages/partner/PartnerNotificationsPage'));
const PartnerSettingsPage = lazyPage(() => import('@/pages/partner/PartnerSettingsPage'));
const AccountSettingsPage = lazyPage(() => import('@/pages/AccountSettingsPage'));
const PartnerResourcesPage = lazyPage(() => import('@/pages/partner/PartnerResourcesPage'));
const TrainingHubPage = lazyPage(() => import('@/pages/partner/TrainingHubPage'));
const PartnerTicketsPage = lazyPage(() => import('@/pages/partner/PartnerTicketsPage'));
const FundingPage = lazyPage(() => import('@/pages/partner/FundingPage'));
const AIGeneratedResourcesPage = lazyPage(() => import('@/pages/partner/AIGeneratedResourcesPage'));
const ResourceContributionsPage = lazyPage(() => import('@/pages/partner/ResourceContributionsPage'));
const SponsoredCoursesPage = lazyPage(() => import('@/pages/partner/SponsoredCoursesPage'));
const ImpactReportsPage = lazyPage(() => import('@/pages/partner/ImpactReportsPage'));
const ProgressLettersPage = lazyPage(() => import('@/pages/partner/ProgressLettersPage'));
const AIHighlightsPage = lazyPage(() => import('@/pages/partner/AIHighlightsPage'));
const StudentAIInsightsPage = lazyPage(() => import('@/pages/partner/StudentAIInsightsPage'));
const ParentDashboardPage = lazyPage(() => import('@/pages/parent/ParentDashboardPage'));
const ParentConsentsPage = lazyPage(() => import('@/pages/parent/ParentConsentsPage'));
const ParentConsentDetailPage = lazyPage(() => import('@/pages/parent/ParentConsentDetailPage'));
const AdminDashboardPage = lazyPage(() => import('@/pages/admin/AdminDashboardPage'));
const AdminSponsorshipProgramsPage = lazyPage(() => import('@/pages/admin/AdminSponsorshipProgramsPage'));
const AdminAuditLogPage = lazyPage(() => import('@/pages/admin/AdminAuditLogPage'));
const AdminSupportTicketsPage = lazyPage(() => import('@/pages/admin/AdminSupportTicketsPage'));
const AdminMessagesPage = lazyPage(() => import('@/pages/admin/AdminMessagesPage'));
const AdminResourceReviewPage = lazyPage(() => import('@/pages/admin/AdminResourceReviewPage'));

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      // Public: whoever holds an invitation link (a new team member has no account yet).
      { path: '/invite/:token', element: <InvitePage /> },
      // Public: a new organisation signs up (pending verification by an admin).
      { path: '/signup', element: <SignUpPage /> },
      { path: '/', element: <HomeRedirect /> },
      {
        path: '/dashboard/partner',
        element: <ProtectedRoute allowedRoles={['partner']} />,
        children: [
          {
            element: <DashboardLayout />,
            children: [
              { index: true, element: <PartnerDashboardPage />, handle: { prefetch: prefetchDashboardOverview } satisfies RouteHandle },
              { path: 'sponsorships', element: <SponsorshipsPage /> },
              { path: 'sponsorships/:id', element: <SponsorshipDetailPage /> },
              { path: 'sponsored-children', element: <SponsoredChildrenPage /> },
              { path: 'sponsored-children/:id', element: <ChildProgressPage /> },
              { path: 'alerts', element: <ChildAlertsPage /> },
              { path: 'enrollments', element: <EnrollmentsPage /> },
              { path: 'team', element: <PartnerTeamPage /> },
              { path: 'notifications', element: <PartnerNotificationsPage /> },
              { path: 'settings', element: <PartnerSettingsPage /> },
              { path: 'help-resources', element: <PartnerResourcesPage /> },
              { path: 'training', element: <TrainingHubPage /> },
              { path: 'tickets', element: <PartnerTicketsPage /> },
              { path: 'profile', element: <PartnerProfilePage /> },
              { path: 'collaboration', element: <CollaborationPage /> },
              { path: 'budget', element: <BudgetManagementPage /> },
              { path: 'grants', element: <GrantTrackingPage /> },
              { path: 'roi-metrics', element: <ROIMetricsPage /> },
              { path: 'custom-reports', element: <CustomReportsPage /> },
              { path: 'funding', element: <FundingPage /> },
              { path: 'ai-resources', element: <AIGeneratedResourcesPage /> },
              { path: 'resources', element: <ResourceContributionsPage /> },
              { path: 'sponsored-courses', element: <SponsoredCoursesPage /> },
              { path: 'impact-reports', element: <ImpactReportsPage /> },
              { path: 'ai-highlights', element: <AIHighlightsPage /> },
              { path: 'student-insights', element: <StudentAIInsightsPage /> },
              { path: 'progress-letters', element: <ProgressLettersPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
      {
        path: '/dashboard/parent',
        element: (
          <ProtectedRoute allowedRoles={['parent']}>
            <SimpleLayout title="Parent" />
          </ProtectedRoute>
        ),
        children: [
          { index: true, element: <ParentDashboardPage /> },
          { path: 'consents', element: <ParentConsentsPage /> },
          { path: 'consents/:id', element: <ParentConsentDetailPage /> },
          { path: 'settings', element: <AccountSettingsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      {
        path: '/dashboard/admin',
        element: (
          <ProtectedRoute allowedRoles={['admin', 'staff']}>
            <SimpleLayout title="Admin" />
          </ProtectedRoute>
        ),
        children: [
          { index: true, element: <AdminDashboardPage /> },
          {
            path: 'sponsorship-programs',
            element: <ProtectedRoute allowedRoles={['admin']} />,
            children: [{ index: true, element: <AdminSponsorshipProgramsPage /> }],
          },
          {
            path: 'partners',
            element: <ProtectedRoute allowedRoles={['admin']} />,
            children: [{ index: true, element: <AdminPartnersPage /> }],
          },
          {
            path: 'audit',
            element: <ProtectedRoute allowedRoles={['admin']} />,
            children: [{ index: true, element: <AdminAuditLogPage /> }],
          },
          {
            path: 'resources',
            element: <ProtectedRoute allowedRoles={['admin']} />,
            children: [{ index: true, element: <AdminResourceReviewPage /> }],
          },
          { path: 'settings', element: <AccountSettingsPage /> },
          // Staff and admins both work the support queue.
          { path: 'tickets', element: <AdminSupportTicketsPage /> },
          // Each reads the messages partners wrote to them.
          { path: 'messages', element: <AdminMessagesPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      {
        path: '*',
        element: <SimpleLayout />,
        children: [{ path: '*', element: <NotFoundPage /> }],
      },
    ],
  },
];
