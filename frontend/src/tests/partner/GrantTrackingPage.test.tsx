import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import GrantTrackingPage from '@/pages/partner/GrantTrackingPage';
import { usePartnerStore } from '@/store';
import type { GrantDetail, GrantSummary } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const GRANTS = '/api/v1/partner/finance/grants';

const summary = (id: string, over: Partial<GrantSummary> = {}): GrantSummary => ({
  id, funder: `Funder ${id}`, reference: `REF-${id}`, amount: 1000000, currency: 'KES', startDate: '2026-01-01', endDate: '2026-12-31',
  status: 'active', allocated: 600000, nextDeadline: '2026-03-25', openDeadlines: 2, ...over,
});

const detail = (over: Partial<GrantDetail> = {}): GrantDetail => ({
  id: 'g1', funder: 'Ford Foundation', reference: 'FF-1', amount: 2400000, currency: 'KES', startDate: '2026-01-01', endDate: '2026-12-31',
  status: 'active', nextStatuses: ['reporting', 'closed'], notes: null, allocated: 1800000, unallocated: 600000,
  allocations: [{ programId: 'a', programName: 'Lake Region Scholars', amount: 1800000 }],
  deadlines: [
    { id: 'd1', dueDate: '2026-01-31', title: 'Q1 report', submitted: true, submittedAt: '2026-01-30T09:00:00Z', state: 'submitted',
      reports: [{ id: 'r1', fileName: 'Q1.pdf', contentType: 'application/pdf', sizeBytes: 1024, createdAt: '2026-01-30T09:00:00Z' }] },
    { id: 'd2', dueDate: '2026-03-25', title: 'Q2 report', submitted: false, submittedAt: null, state: 'due_soon', reports: [] },
  ],
  createdAt: '2026-01-01T09:00:00Z', updatedAt: '2026-01-30T09:00:00Z', ...over,
});

const page = (items: GrantSummary[]) => ({ items, page: 1, pageSize: 20, total: items.length });
const calls = (spy: ReturnType<typeof mockFetch>) => spy.mock.calls.map(([url, init]) => `${(init?.method ?? 'GET').toUpperCase()} ${String(url)}`);
const renderPage = (route = '/dashboard/partner/grants') => renderWithProviders(<GrantTrackingPage />, { route, queryClient: createTestQueryClient(partnerUser) });

describe('GrantTrackingPage', () => {
  beforeEach(() => usePartnerStore.getState().reset());

  it('lists grants, filters them through the query string and says when nothing matches', async () => {
    const spy = mockFetch({ [`GET ${GRANTS}`]: ({ url }) => json(page(url.includes('status=') ? [] : [summary('1'), summary('2', { status: 'applied', nextDeadline: null })])) });
    renderPage();
    const list = await screen.findByTestId('grant-list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByText('No report due')).toBeInTheDocument();
    await userEvent.setup().selectOptions(screen.getByLabelText('Status'), 'closed');
    await waitFor(() => expect(calls(spy)).toContain(`GET ${GRANTS}?status=closed&page=1&pageSize=20`));
    expect(await screen.findByTestId('grants-empty')).toHaveTextContent('No grants match');
  });

  it('shows the empty state with a way to record the first grant', async () => {
    mockFetch({ [`GET ${GRANTS}`]: json(page([])) });
    renderPage();
    expect(await screen.findByTestId('grants-empty')).toHaveTextContent('No grants yet');
  });

  it('shows a grant’s allocations and deadline timeline, and uploads a compliance report for a deadline', async () => {
    let sent: FormData | undefined;
    mockFetch({
      [`GET ${GRANTS}`]: json(page([summary('g1')])),
      [`GET ${GRANTS}/g1`]: json(detail()),
      [`POST ${GRANTS}/g1/deadlines/d2/reports`]: ({ init }) => {
        sent = init?.body as FormData;
        return json(detail({ deadlines: detail().deadlines.map((d) => (d.id === 'd2' ? { ...d, submitted: true, state: 'submitted', reports: [{ id: 'r2', fileName: 'Q2.docx', contentType: 'x', sizeBytes: 10, createdAt: '2026-03-20T09:00:00Z' }] } : d)) }), 201);
      },
    });
    renderPage('/dashboard/partner/grants?grant=g1');
    const panel = await screen.findByTestId('grant-detail');
    expect(within(panel).getByText('Lake Region Scholars')).toBeInTheDocument();
    const items = within(screen.getByTestId('deadline-timeline')).getAllByTestId('deadline');
    expect(items.map((i) => i.getAttribute('data-state'))).toEqual(['submitted', 'due_soon']);
    expect(within(items[0]!).getByRole('link', { name: /Q1.pdf/ })).toHaveAttribute('href', `${GRANTS}/g1/reports/r1`);
    await userEvent.setup().upload(within(items[1]!).getByTestId('report-file'), new File(['PK'], 'Q2.docx'));
    await waitFor(() => expect((sent?.get('file') as File | undefined)?.name).toBe('Q2.docx'));
    await waitFor(() => expect(within(screen.getByTestId('deadline-timeline')).getAllByTestId('deadline')[1]).toHaveAttribute('data-state', 'submitted'));
  });

  it('shows why a report was refused', async () => {
    mockFetch({
      [`GET ${GRANTS}`]: json(page([summary('g1')])),
      [`GET ${GRANTS}/g1`]: json(detail()),
      [`POST ${GRANTS}/g1/deadlines/d2/reports`]: problem(400, 'One or more fields are invalid.', undefined, { errors: { file: ['report.exe: attach a PDF, DOCX or XLSX file.'] } }),
    });
    renderPage('/dashboard/partner/grants?grant=g1');
    const items = await screen.findAllByTestId('deadline');
    // The picker offers PDF, DOCX and XLSX; a file chosen anyway (another name, a drag) is still the server's to refuse.
    await userEvent.setup({ applyAccept: false }).upload(within(items[1]!).getByTestId('report-file'), new File(['MZ'], 'report.exe'));
    expect(await screen.findByText('report.exe: attach a PDF, DOCX or XLSX file.')).toBeInTheDocument();
  });

  it('generates a deadline’s compliance report, says it is working, then names the report it kept', async () => {
    let release: (() => void) | undefined;
    const generated = detail({ deadlines: detail().deadlines.map((d) => (d.id === 'd2'
      ? { ...d, submitted: true, state: 'submitted', reports: [{ id: 'r3', fileName: 'Compliance report FF-1 2026-03-25.pdf', contentType: 'application/pdf', sizeBytes: 9000, createdAt: '2026-03-20T09:00:00Z' }] }
      : d)) });
    mockFetch({
      [`GET ${GRANTS}`]: json(page([summary('g1')])),
      [`GET ${GRANTS}/g1`]: json(detail()),
      [`POST ${GRANTS}/g1/deadlines/d2/reports/generate`]: () => new Promise<Response>((resolve) => { release = () => resolve(json(generated, 201)); }),
    });
    renderPage('/dashboard/partner/grants?grant=g1');
    const items = await screen.findAllByTestId('deadline');
    await userEvent.setup().click(within(items[1]!).getByTestId('generate-report'));
    const button = within(items[1]!).getByTestId('generate-report');
    await waitFor(() => expect(button).toBeDisabled());
    expect(button).toHaveTextContent('Generating the report…');
    expect(within(items[1]!).getByTestId('generate-status')).toHaveTextContent('Adding up the spend');
    release!();
    const deadline = () => within(screen.getByTestId('deadline-timeline')).getAllByTestId('deadline')[1]!;
    await waitFor(() => expect(deadline()).toHaveAttribute('data-state', 'submitted'));
    expect(within(deadline()).getByTestId('generate-status')).toHaveTextContent('Report generated: Compliance report FF-1 2026-03-25.pdf');
    expect(within(deadline()).getByRole('link', { name: /Compliance report FF-1/ })).toHaveAttribute('href', `${GRANTS}/g1/reports/r3`);
  });

  it('shows why a report could not be generated', async () => {
    mockFetch({
      [`GET ${GRANTS}`]: json(page([summary('g1')])),
      [`GET ${GRANTS}/g1`]: json(detail()),
      [`POST ${GRANTS}/g1/deadlines/d2/reports/generate`]: problem(409, 'Conflict', 'This report would cover 1 Feb 2026 to 25 Mar 2026, which has not begun.'),
    });
    renderPage('/dashboard/partner/grants?grant=g1');
    const items = await screen.findAllByTestId('deadline');
    await userEvent.setup().click(within(items[1]!).getByTestId('generate-report'));
    expect(await within(items[1]!).findByText(/which has not begun/)).toBeInTheDocument();
  });

  it('records a new grant and opens it', async () => {
    let sent: Record<string, unknown> | undefined;
    mockFetch({
      [`GET ${GRANTS}`]: json(page([])),
      [`POST ${GRANTS}`]: ({ init }) => {
        sent = JSON.parse(String(init?.body));
        return json(detail({ id: 'g9', funder: 'Aga Khan Foundation', deadlines: [] }), 201);
      },
      [`GET ${GRANTS}/g9`]: json(detail({ id: 'g9', funder: 'Aga Khan Foundation', deadlines: [] })),
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('new-grant'));
    const form = screen.getByTestId('new-grant-form');
    await user.type(within(form).getByLabelText('Funder'), 'Aga Khan Foundation');
    await user.type(within(form).getByLabelText('Reference'), 'AKF-1');
    await user.type(within(form).getByLabelText('Amount'), '500000');
    await user.type(within(form).getByLabelText('Start date'), '2026-04-01');
    await user.type(within(form).getByLabelText('End date'), '2027-03-31');
    await user.click(within(form).getByRole('button', { name: 'Save grant' }));
    await waitFor(() => expect(sent).toMatchObject({ funder: 'Aga Khan Foundation', reference: 'AKF-1', amount: 500000, startDate: '2026-04-01', endDate: '2027-03-31', status: 'applied' }));
    expect(await screen.findByTestId('grant-detail')).toHaveTextContent('Aga Khan Foundation');
  });
});
