import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { HomeRedirect } from '@/components/auth/HomeRedirect';
import { ProtectedRoute } from '@/components/auth/ProtectedRoute';
import { RootLayout } from '@/components/layout/RootLayout';
import { SimpleLayout } from '@/components/layout/SimpleLayout';
import { FullPageSpinner } from '@/components/ui/FullPageSpinner';
import { RouteError } from '@/components/ui/RouteError';
import { partnerSections, type PartnerSectionKey } from '@/components/partner/sidebar/partner-sections';

// Route table: it only wires pages (each loaded lazily) into layouts and guards.

const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });
const layout = (load: () => Promise<{ DashboardLayout: ComponentType }>) => async () => ({ Component: (await load()).DashboardLayout });

const NotFound = page(() => import('@/pages/NotFoundPage'));
const PartnerSection = page(() => import('@/pages/partner/PartnerSectionPage'));

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageSpinner />,
    children: [
      { path: '/login', lazy: page(() => import('@/pages/LoginPage')) },
      { path: '/', element: <HomeRedirect /> },
      {
        path: '/dashboard/partner',
        element: <ProtectedRoute allowedRoles={['partner']} />,
        children: [
          {
            lazy: layout(() => import('@/components/layout/DashboardLayout')),
            children: [
              { index: true, lazy: page(() => import('@/pages/partner/PartnerDashboardPage')) },
              { path: 'sponsorships', lazy: page(() => import('@/pages/partner/SponsorshipsPage')) },
              { path: 'sponsorships/:id', lazy: page(() => import('@/pages/partner/SponsorshipDetailPage')) },
              { path: 'sponsored-children', lazy: page(() => import('@/pages/partner/SponsoredChildrenPage')) },
              { path: 'sponsored-children/:id', lazy: page(() => import('@/pages/partner/ChildProgressPage')) },
              { path: 'enrollments', lazy: page(() => import('@/pages/partner/EnrollmentsPage')) },
              ...(Object.keys(partnerSections) as PartnerSectionKey[]).map((section) => ({
                path: partnerSections[section].path,
                handle: { section },
                lazy: PartnerSection,
              })),
              { path: '*', lazy: NotFound },
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
          { index: true, lazy: page(() => import('@/pages/parent/ParentDashboardPage')) },
          { path: 'consents', lazy: page(() => import('@/pages/parent/ParentConsentsPage')) },
          { path: 'consents/:id', lazy: page(() => import('@/pages/parent/ParentConsentDetailPage')) },
          { path: '*', lazy: NotFound },
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
          { index: true, lazy: page(() => import('@/pages/admin/AdminDashboardPage')) },
          {
            path: 'sponsorship-programs',
            element: <ProtectedRoute allowedRoles={['admin']} />,
            children: [{ index: true, lazy: page(() => import('@/pages/admin/AdminSponsorshipProgramsPage')) }],
          },
          {
            path: 'audit',
            element: <ProtectedRoute allowedRoles={['admin']} />,
            children: [{ index: true, lazy: page(() => import('@/pages/admin/AdminAuditLogPage')) }],
          },
          { path: '*', lazy: NotFound },
        ],
      },
      {
        path: '*',
        element: <SimpleLayout />,
        children: [{ path: '*', lazy: NotFound }],
      },
    ],
  },
];
