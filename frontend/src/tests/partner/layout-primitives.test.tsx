import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PartnerChart, PartnerPageHeader, TruncatedText } from '@/components/partner/shared';
import { ChildTabs } from '@/components/partner/children/ChildTabs';
import { WeeklyProgressChart } from '@/components/partner/children/charts';
import { shortLabel } from '@/lib/short-label';
import { MemoryRouter } from 'react-router';

const LONG = `Lake Victoria Basin Girls in STEM Scholars Programme ${'Supercalifragilisticexpialidocious'.repeat(6)}`.slice(0, 200);

describe('TruncatedText', () => {
  it('keeps a long name on one line, cut with an ellipsis, the whole name as its tooltip and its text', () => {
    render(<TruncatedText text={LONG} className="max-w-[18rem]" testId="name" />);
    const el = screen.getByTestId('name');
    expect(el).toHaveAttribute('title', LONG);
    expect(el).toHaveTextContent(LONG); // screen readers read it whole: the cut is only visual
    expect(el.className).toContain('truncate');
    // Without min-w-0 a flex or grid item would grow to the text's width and push the page wider.
    expect(el.className).toContain('min-w-0');
    expect(el.className).toContain('max-w-full');
    expect(el.className).toContain('max-w-[18rem]');
  });

  it('wraps over several lines (breaking an unbroken word) before it is cut', () => {
    render(<TruncatedText text={LONG} lines={2} as="p" testId="name" />);
    const el = screen.getByTestId('name');
    expect(el.tagName).toBe('P');
    expect(el.className).toContain('line-clamp-2');
    expect(el.className).toContain('[overflow-wrap:anywhere]');
    expect(el.className).not.toContain('truncate');
    // line-clamp's own display (-webkit-box) must not be overridden by a `block`.
    expect(el.className.split(' ')).not.toContain('block');
    expect(el).toHaveAttribute('title', LONG);
  });

  it('draws breadcrumbs through it, so a program name there cannot widen the header', () => {
    render(
      <MemoryRouter>
        <PartnerPageHeader title={LONG} breadcrumbs={[{ label: 'Sponsorships', to: '/s' }, { label: LONG }]} />
      </MemoryRouter>,
    );
    const crumb = within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByTitle(LONG);
    expect(crumb.className).toContain('truncate');
    expect(screen.getByRole('heading', { level: 1 }).className).toContain('[overflow-wrap:anywhere]');
  });
});

describe('shortLabel (select options, which CSS cannot cut)', () => {
  it('leaves short names alone and cuts long ones to the limit with an ellipsis', () => {
    expect(shortLabel('Lake Region Scholars 2026')).toBe('Lake Region Scholars 2026');
    const cut = shortLabel(LONG);
    expect(Array.from(cut)).toHaveLength(60);
    expect(cut.endsWith('…')).toBe(true);
    expect(LONG.startsWith(cut.slice(0, -1))).toBe(true);
    expect(Array.from(shortLabel(LONG, 20))).toHaveLength(20);
  });
});

const TABS = [
  { key: 'learning-journey', label: 'Learning Journey' },
  { key: 'activity', label: 'Activity' },
  { key: 'achievements', label: 'Achievements' },
  { key: 'goals', label: 'Goals' },
  { key: 'ai-insights', label: 'AI Insights' },
];

function Tabs() {
  const [active, setActive] = useState('learning-journey');
  return <ChildTabs tabs={TABS} active={active} onChange={setActive} idPrefix="t" />;
}

describe('ChildTabs on a phone', () => {
  it('is a strip that scrolls inside itself, its tabs never squeezed or wrapped out of reach', () => {
    render(<Tabs />);
    const strip = screen.getByRole('tablist');
    expect(strip.className).toContain('overflow-x-auto');
    // The strip itself may shrink to the screen (a flex item's min-width would otherwise be its content's).
    expect(strip.className).toContain('min-w-0');
    for (const tab of screen.getAllByRole('tab')) {
      expect(tab.className).toContain('shrink-0');
      expect(tab.className).toContain('whitespace-nowrap');
    }
  });

  it('scrolls the chosen tab into view, so Goals and AI Insights are reached by keyboard and by tap', async () => {
    const scrolled: string[] = [];
    const spy = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this.textContent ?? '');
    });
    try {
      render(<Tabs />);
      const user = userEvent.setup();
      await user.click(screen.getByRole('tab', { name: 'Learning Journey' }));
      await user.keyboard('{End}');
      expect(screen.getByRole('tab', { name: 'AI Insights' })).toHaveAttribute('aria-selected', 'true');
      expect(scrolled.at(-1)).toBe('AI Insights');
      await user.keyboard('{ArrowLeft}');
      expect(screen.getByRole('tab', { name: 'Goals' })).toHaveAttribute('aria-selected', 'true');
      expect(scrolled.at(-1)).toBe('Goals');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('chart axes', () => {
  it('PartnerChart titles both axes with their unit, and a horizontal bar chart puts each title on its own side', async () => {
    const { rerender } = render(
      <PartnerChart type="area" data={[{ label: 'W1', active: 3 }]} xKey="label" series={[{ key: 'active', label: 'Active' }]} ariaLabel="Children" axes={{ category: 'Week ending', value: 'Children (count)' }} />,
    );
    expect(await screen.findByTestId('chart-axis-left')).toHaveTextContent('Children (count)');
    expect(screen.getByTestId('chart-axis-bottom')).toHaveTextContent('Week ending');
    // The screen-reader table names its first column by the axis title, not the data key.
    expect(screen.getByRole('columnheader', { name: 'Week ending' })).toBeInTheDocument();
    // …and sits in a clipped box: a table ignores sr-only's 1 px width and would widen a phone's page.
    expect(screen.getByRole('table').parentElement?.className).toContain('sr-only');

    rerender(
      <PartnerChart type="bar" barLayout="horizontal" data={[{ label: 'Active', count: 2 }]} xKey="label" series={[{ key: 'count', label: 'Programs' }]} ariaLabel="Programs" axes={{ category: 'Status', value: 'Programs (count)' }} />,
    );
    expect(screen.getByTestId('chart-axis-left')).toHaveTextContent('Status');
    expect(screen.getByTestId('chart-axis-bottom')).toHaveTextContent('Programs (count)');
  });

  it('the weekly chart says which side is minutes (bars) and which is the average score (line)', () => {
    render(<WeeklyProgressChart weeks={[{ weekStart: '2026-11-02', minutes: 120, averageScore: 64, lessonsCompleted: 3 } as never]} />);
    const chart = screen.getByTestId('chart-weekly-progress');
    expect(within(chart).getByTestId('chart-axis-left')).toHaveTextContent(/minutes.*bars/i);
    expect(within(chart).getByTestId('chart-axis-right')).toHaveTextContent(/average score, %.*line/i);
    expect(within(chart).getByTestId('chart-axis-bottom')).toHaveTextContent('Week starting');
    expect(within(chart).getByRole('table').parentElement?.className).toContain('sr-only');
  });
});
