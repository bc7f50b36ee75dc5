import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import {
  humanizeStatus,
  PartnerBadge,
  PartnerChart,
  PartnerDataTable,
  PartnerEmptyState,
  PartnerFilterBar,
  PartnerLoadingSkeleton,
  PartnerModal,
  PartnerPageHeader,
  PartnerStatsCard,
  type ChartType,
} from '@/components/partner/shared';
import { filterPartnerNav, isItemActive, partnerNav } from '@/components/partner/sidebar/partner-nav';

describe('PartnerStatsCard', () => {
  it('shows label, value, hint and a rising trend', () => {
    render(<PartnerStatsCard testId="stat-x" label="Lessons completed" value="1,204" hint="This term" trend={{ value: 12.5, label: 'vs last term' }} />);
    const card = screen.getByTestId('stat-x');
    expect(card).toHaveAccessibleName('Lessons completed');
    expect(within(card).getByText('1,204')).toBeInTheDocument();
    expect(within(card).getByText('This term')).toBeInTheDocument();
    const trend = within(card).getByTestId('stat-trend');
    expect(trend).toHaveAttribute('data-direction', 'up');
    expect(trend).toHaveTextContent('+12.5%');
    expect(trend.className).toContain('text-ok');
  });

  it('treats a fall as good news when a rise is bad (costs)', () => {
    render(<PartnerStatsCard label="Cost per child" value="Ksh 900" trend={{ value: -4, positiveIsGood: false }} />);
    const trend = screen.getByTestId('stat-trend');
    expect(trend).toHaveAttribute('data-direction', 'down');
    expect(trend).toHaveTextContent('-4%');
    expect(trend.className).toContain('text-ok');
  });
});

describe('PartnerPageHeader', () => {
  it('renders the h1, description and breadcrumbs with the last one current', () => {
    render(
      <MemoryRouter>
        <PartnerPageHeader title="Tickets" description="Your requests." breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Support' }, { label: 'Tickets' }]} actions={<button type="button">New</button>} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Tickets' })).toBeInTheDocument();
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(crumbs).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('href', '/dashboard/partner');
    expect(within(crumbs).getByText('Tickets')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'New' })).toBeInTheDocument();
  });
});

describe('PartnerBadge', () => {
  it.each([
    ['PENDING_APPROVAL', 'Pending approval', 'warning'],
    ['ACTIVE', 'Active', 'success'],
    ['CANCELLED', 'Cancelled', 'danger'],
    ['PENDING_CONSENT', 'Without consent yet', 'warning'],
    ['in_progress', 'In progress', 'warning'],
    ['SOMETHING_NEW', 'Something new', 'neutral'],
  ])('%s → "%s" (%s)', (status, label, tone) => {
    render(<PartnerBadge status={status} testId="badge" />);
    expect(screen.getByTestId('badge')).toHaveTextContent(label);
    expect(screen.getByTestId('badge')).toHaveAttribute('data-tone', tone);
  });

  it('humanizes plan spellings', () => {
    expect(humanizeStatus('PAST_DUE')).toBe('Past due');
  });
});

describe('PartnerDataTable', () => {
  const rows = Array.from({ length: 12 }, (_, i) => ({ id: `r${i + 1}`, name: `Child ${i + 1}` }));
  type Row = { id: string; name: string };
  const columns = [{ key: 'name', header: 'Name', cell: (r: Row) => r.name }];

  it('pages rows on the client', async () => {
    const user = userEvent.setup();
    render(<PartnerDataTable caption="Children" columns={columns} rows={rows} getRowKey={(r) => r.id} pageSize={5} />);
    const table = screen.getByRole('table', { name: 'Children' });
    expect(within(table).getAllByRole('row')).toHaveLength(6);
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('Showing 11–12 of 12')).toBeInTheDocument();
    expect(within(table).getByText('Child 12')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });

  it('asks for the next page from the server with server-side paging', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    render(
      <PartnerDataTable caption="Children" columns={columns} rows={rows.slice(0, 10)} getRowKey={(r) => r.id} pagination={{ page: 1, pageSize: 10, total: 37, onPageChange }} />,
    );
    expect(screen.getByText('Page 1 of 4')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onPageChange).toHaveBeenCalledWith(2);
  });

  it('shows the empty message and a skeleton while loading', () => {
    const { rerender } = render(<PartnerDataTable caption="Children" columns={columns} rows={[] as Row[]} getRowKey={(r) => r.id} empty="No children yet." />);
    expect(screen.getByText('No children yet.')).toBeInTheDocument();
    rerender(<PartnerDataTable caption="Children" columns={columns} rows={[] as Row[]} getRowKey={(r) => r.id} isLoading />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading children…');
  });
});

describe('PartnerFilterBar', () => {
  it('reports search and filter changes and resets them', async () => {
    const user = userEvent.setup();
    function Harness() {
      const [search, setSearch] = useState('');
      const [status, setStatus] = useState('all');
      return (
        <>
          <PartnerFilterBar
            search={search}
            onSearchChange={setSearch}
            searchLabel="Search children"
            filters={[{ key: 'status', label: 'Status', value: status, onChange: setStatus, options: [{ value: 'all', label: 'All' }, { value: 'ACTIVE', label: 'Active' }] }]}
            onReset={() => {
              setSearch('');
              setStatus('all');
            }}
          />
          <output>{`${search}|${status}`}</output>
        </>
      );
    }
    render(<Harness />);
    expect(screen.queryByRole('button', { name: /Reset/ })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Search children'), 'amani');
    await user.selectOptions(screen.getByLabelText('Status'), 'ACTIVE');
    expect(screen.getByRole('status')).toHaveTextContent('amani|ACTIVE');
    await user.click(screen.getByRole('button', { name: /Reset/ }));
    expect(screen.getByRole('status')).toHaveTextContent('|all');
  });
});

describe('PartnerModal', () => {
  function Harness({ onClose }: { onClose?: () => void }) {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          Open
        </button>
        <PartnerModal
          open={open}
          onClose={() => {
            onClose?.();
            setOpen(false);
          }}
          title="Remove child"
          description="This cannot be undone."
          footer={
            <>
              <button type="button">Cancel</button>
              <button type="button">Remove</button>
            </>
          }
        >
          <p>Amani W. will leave the program.</p>
        </PartnerModal>
      </>
    );
  }

  it('is a labelled modal dialog that traps focus and closes on Escape', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);

    const dialog = screen.getByRole('dialog', { name: 'Remove child' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('This cannot be undone.');
    expect(screen.getByRole('button', { name: 'Close dialog' })).toHaveFocus();

    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Remove' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Close dialog' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Remove' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('closes when the backdrop is clicked', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<Harness onClose={onClose} />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.click(screen.getByTestId('modal-backdrop'));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('PartnerChart', () => {
  const data = [
    { month: 'Sep', minutes: 120, lessons: 8 },
    { month: 'Oct', minutes: 150, lessons: 11 },
  ];
  it.each(['line', 'bar', 'area', 'pie'] as ChartType[])('draws a %s chart with an accessible data table', async (type) => {
    render(
      <PartnerChart
        type={type}
        data={data}
        xKey="month"
        series={[
          { key: 'minutes', label: 'Minutes' },
          { key: 'lessons', label: 'Lessons' },
        ]}
        ariaLabel="Learning per month"
        testId="chart"
      />,
    );
    // The chart's code loads when it is first drawn.
    expect(await screen.findByTestId('chart')).toHaveAttribute('data-chart-type', type);
    expect(screen.getByRole('img', { name: 'Learning per month' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Learning per month' });
    expect(within(table).getByRole('row', { name: 'Oct 150 11' })).toBeInTheDocument();
    expect(screen.getByTestId('chart').querySelector('canvas')).not.toBeNull();
  });

  it('titles a right-hand axis only when a series is drawn against it', async () => {
    const axes = { category: 'Month', value: '← Minutes', right: 'Lessons →' };
    const { rerender } = render(
      <PartnerChart type="line" data={data} xKey="month" axes={axes} ariaLabel="Two scales" testId="chart"
        series={[{ key: 'minutes', label: 'Minutes' }, { key: 'lessons', label: 'Lessons', axis: 'right' }]} />,
    );
    expect(await screen.findByTestId('chart-axis-right')).toHaveTextContent('Lessons →');
    expect(screen.getByTestId('chart-axis-left')).toHaveTextContent('← Minutes');

    rerender(
      <PartnerChart type="line" data={data} xKey="month" axes={axes} ariaLabel="One scale" testId="chart"
        series={[{ key: 'minutes', label: 'Minutes' }, { key: 'lessons', label: 'Lessons' }]} />,
    );
    expect(screen.queryByTestId('chart-axis-right')).not.toBeInTheDocument();
  });
});

describe('PartnerEmptyState and PartnerLoadingSkeleton', () => {
  it('renders the empty state with its action', () => {
    render(<PartnerEmptyState title="No tickets" description="Open a ticket when you need help." action={<button type="button">New ticket</button>} />);
    expect(screen.getByRole('heading', { name: 'No tickets' })).toBeInTheDocument();
    expect(screen.getByText('Open a ticket when you need help.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New ticket' })).toBeInTheDocument();
  });

  it('announces loading', () => {
    render(<PartnerLoadingSkeleton variant="stats" count={3} label="Loading figures" />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading figures…');
    expect(screen.getByRole('status')).toHaveAttribute('aria-busy', 'true');
  });
});

describe('partner navigation table', () => {
  it('has the 7 plan sections and links only to partner routes', () => {
    expect(partnerNav.map((s) => s.label)).toEqual(['Dashboard', 'Partnerships', 'Content', 'Finance', 'Analytics', 'Support', 'Account']);
    for (const item of partnerNav.flatMap((s) => s.items)) {
      if (item.to) expect(item.to.startsWith('/dashboard/partner')).toBe(true);
      for (const child of item.children ?? []) expect(child.to).toMatch(/^\/dashboard\/partner\/sponsored-children\?tab=/);
    }
  });

  it('search keeps whole sections whose name matches and drops empty ones', () => {
    expect(filterPartnerNav('  ').length).toBe(7);
    expect(filterPartnerNav('ANALYTICS').map((s) => [s.key, s.items.length])).toEqual([['analytics', 4]]); // ROI, custom reports, student insights, progress letters
    expect(filterPartnerNav('report').map((s) => [s.key, s.items.map((i) => i.key)])).toEqual([
      ['partnerships', ['impact-reports']],
      ['analytics', ['custom-reports']],
    ]);
    expect(filterPartnerNav('nothing-like-this')).toEqual([]);
  });

  it('matches sub-routes only for items that own them', () => {
    const items = partnerNav.find((s) => s.key === 'partnerships')!.items;
    const sponsorships = items.find((i) => i.key === 'sponsorships')!;
    const enrollments = items.find((i) => i.key === 'enrollments')!;
    const at = (pathname: string) => ({ pathname, search: '', hash: '' });
    expect(isItemActive(sponsorships, at('/dashboard/partner/sponsorships/abc'))).toBe(true);
    expect(isItemActive(enrollments, at('/dashboard/partner/enrollments/abc'))).toBe(false);
    expect(isItemActive(sponsorships, at('/dashboard/partner/sponsorships/'))).toBe(true);
  });
});
