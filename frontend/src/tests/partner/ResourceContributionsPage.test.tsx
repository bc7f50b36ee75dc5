import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ResourceContributionsPage from '@/pages/partner/ResourceContributionsPage';
import type { ResourceView } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, renderWithProviders } from '../test-utils';
import { paged, programFixture, PROGRAM_ID } from './sponsorship-fixtures';

const PROGRAMS = '/api/v1/partner/sponsorships/programs';
const RESOURCES = '/api/v1/partner/content/resources';

function resource(overrides: Partial<ResourceView> = {}): ResourceView {
  return {
    id: '0193a7b0-0000-7000-8000-0000000000r1',
    title: 'Fractions worksheet',
    description: 'Halves and quarters with fruit.',
    resourceType: 'document',
    status: 'pending_review',
    format: 'pdf',
    formatLabel: 'PDF',
    originalFileName: 'fractions.pdf',
    fileSize: 24_576,
    mimeType: 'application/pdf',
    fileUrl: `${RESOURCES}/0193a7b0-0000-7000-8000-0000000000r1/file`,
    brandingApplied: false,
    usageCount: 3,
    targetPrograms: [],
    rejectionReason: null,
    reviewedAt: null,
    aiGenerated: false,
    createdAt: '2026-11-20T09:00:00Z',
    updatedAt: '2026-11-20T09:00:00Z',
    ...overrides,
  } as ResourceView;
}

/** Stands in for XMLHttpRequest: records the form, reports progress at 40% and waits until `finish` is called. */
function fakeXhr(answer: { status: number; body: unknown }) {
  const sent: FormData[] = [];
  let finish = () => {};
  class FakeXMLHttpRequest {
    upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    withCredentials = false;
    status = 0;
    responseText = '';
    open() {}
    setRequestHeader() {}
    send(form: FormData) {
      sent.push(form);
      setTimeout(() => this.upload.onprogress?.({ lengthComputable: true, loaded: 40, total: 100 } as ProgressEvent), 0);
      finish = () => {
        this.status = answer.status;
        this.responseText = JSON.stringify(answer.body);
        this.onload?.();
      };
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXMLHttpRequest);
  return { sent, finish: () => finish() };
}

const pdf = (name = 'fractions.pdf') => new File(['%PDF-1.7\n1 0 obj\n'], name, { type: 'application/pdf' });

function renderPage(route = '/dashboard/partner/resources') {
  return renderWithProviders(<ResourceContributionsPage />, { route, queryClient: createTestQueryClient(partnerUser) });
}

describe('ResourceContributionsPage', () => {
  it('shows a loading state, then the empty state with no resources', async () => {
    mockFetch({ [PROGRAMS]: json(paged([])), [RESOURCES]: () => new Promise<Response>((resolve) => setTimeout(() => resolve(json(paged([]))), 30)) });
    renderPage();
    expect(screen.getByText(/Loading your resources/)).toBeInTheDocument();
    expect(await screen.findByTestId('resources-empty')).toHaveTextContent('No resources yet');
  });

  it('lists resources with their review chips and the reviewer’s reason, and previews a file when opened', async () => {
    const user = userEvent.setup();
    mockFetch({
      [PROGRAMS]: json(paged([programFixture({ status: 'ACTIVE' })])),
      [RESOURCES]: json(paged([
        resource(),
        resource({ id: 'r2', title: 'Rain chart', status: 'rejected', rejectionReason: 'The chart has no axis labels.', format: 'png', mimeType: 'image/png' }),
        resource({ id: 'r3', title: 'Photosynthesis', status: 'draft', aiGenerated: true, format: null, fileUrl: null, fileSize: null }),
      ])),
    });
    renderPage();

    const items = await screen.findAllByTestId('resource-item');
    expect(items.map((i) => within(i).getByTestId('resource-status').textContent)).toEqual(['In review', 'Changes asked', 'Draft']);
    expect(within(items[1]!).getByTestId('resource-rejection')).toHaveTextContent('The chart has no axis labels.');
    expect(items[0]).toHaveTextContent('PDF · 24.0 KB · 3 downloads');

    await user.click(within(items[1]!).getByRole('button', { name: /Rain chart/ }));
    expect(await screen.findByTestId('preview-image')).toHaveAttribute('src', `${RESOURCES}/r2/file?inline=true`);
    expect(screen.getByTestId('resource-download')).toHaveAttribute('href', `${RESOURCES}/r2/file`);
  });

  it('refuses a renamed program and an oversized file before sending, with the server’s words', async () => {
    const user = userEvent.setup({ applyAccept: false });
    mockFetch({ [PROGRAMS]: json(paged([])), [RESOURCES]: json(paged([])) });
    const xhr = fakeXhr({ status: 201, body: resource() });
    renderPage();

    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03])], 'worksheet.pdf', { type: 'application/pdf' });
    await user.upload(screen.getByTestId('resource-file-input'), exe);
    expect(await screen.findByTestId('resource-file-error')).toHaveTextContent('worksheet.pdf is a program, whatever its name says.');

    const big = pdf('big.pdf');
    Object.defineProperty(big, 'size', { value: 50 * 1024 * 1024 + 1 });
    await user.upload(screen.getByTestId('resource-file-input'), big);
    expect(await screen.findByTestId('resource-file-error')).toHaveTextContent('The file is larger than 50 MB.');
    expect(screen.queryByTestId('resource-chosen-file')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('resource-upload-submit'));
    expect(screen.getByTestId('resource-file-error')).toHaveTextContent('Choose a file to upload');
    expect(xhr.sent).toHaveLength(0);
  });

  it('uploads a dropped file with its fields, shows the progress, then lists it as pending', async () => {
    const user = userEvent.setup();
    let listed: ResourceView[] = [];
    const fetchSpy = mockFetch({ [PROGRAMS]: json(paged([programFixture({ status: 'ACTIVE' })])), [RESOURCES]: () => json(paged(listed)) });
    const created = resource({ targetPrograms: [{ id: PROGRAM_ID, name: 'Kisumu Lakeside Readers' }] });
    const xhr = fakeXhr({ status: 201, body: created });
    renderPage();
    await screen.findByTestId('resources-empty');

    await user.upload(screen.getByTestId('resource-file-input'), pdf());
    expect(await screen.findByTestId('resource-chosen-file')).toHaveTextContent('fractions.pdf');
    expect(screen.getByTestId('resource-title')).toHaveValue('fractions');
    await user.clear(screen.getByTestId('resource-title'));
    await user.type(screen.getByTestId('resource-title'), 'Fractions worksheet');
    await user.click(await screen.findByRole('checkbox', { name: /Kisumu Lakeside Readers/ }));
    await user.click(screen.getByTestId('resource-branding'));
    await user.click(screen.getByTestId('resource-upload-submit'));

    const bar = await screen.findByTestId('resource-upload-progress');
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
    expect(screen.getByText('40%')).toBeInTheDocument();
    const form = xhr.sent[0]!;
    expect((form.get('file') as File).name).toBe('fractions.pdf');
    expect([form.get('title'), form.get('brandingApplied'), form.getAll('targetPrograms')]).toEqual(['Fractions worksheet', 'true', [PROGRAM_ID]]);

    listed = [created];
    xhr.finish();
    const item = await screen.findByTestId('resource-item');
    expect(within(item).getByTestId('resource-status')).toHaveTextContent('In review');
    expect(screen.queryByTestId('resource-chosen-file')).not.toBeInTheDocument();
    expect(fetchSpy.mock.calls.filter(([u]) => String(u).startsWith(RESOURCES)).length).toBeGreaterThan(1);
  });

  it('shows the server’s refusal under the field it concerns', async () => {
    const user = userEvent.setup();
    mockFetch({ [PROGRAMS]: json(paged([])), [RESOURCES]: json(paged([])) });
    const xhr = fakeXhr({
      status: 422,
      body: { status: 422, title: 'One or more fields are invalid.', errors: { brandingApplied: ['Add your organisation’s logo on the Profile page first; branding stamps it on every page.'] } },
    });
    renderPage();
    await user.upload(screen.getByTestId('resource-file-input'), pdf());
    await user.click(screen.getByTestId('resource-branding'));
    await user.click(screen.getByTestId('resource-upload-submit'));
    await waitFor(() => expect(xhr.sent).toHaveLength(1));
    xhr.finish();
    expect(await screen.findByTestId('resource-branding-error')).toHaveTextContent('Add your organisation’s logo');
    // The file stays chosen, to try again without it.
    expect(screen.getByTestId('resource-chosen-file')).toBeInTheDocument();
  });
});
