import '@/i18n/shell-strings';
import { ChevronDown } from 'lucide-react';
import { cn } from '@/lib/cn';
import type { RealtimeCounters } from '@/types/partner';
import type { PartnerNavSection } from './partner-nav';
import { badgeCount, sectionBadgeTotal } from './sidebar-badges';
import { navLabel } from '@/i18n/nav-label';
import { useTranslation } from '@/i18n/use-translation';
import { SidebarItem } from './SidebarItem';

export interface SidebarSectionProps {
  section: PartnerNavSection;
  /** Open by the partner, or because a search is showing its matches. */
  expanded: boolean;
  /** While searching every matching section is open and cannot be closed. */
  searching: boolean;
  active: boolean;
  counters: RealtimeCounters;
  onToggle: () => void;
  onLogout: () => void;
  logoutPending: boolean;
}

/** One section of the expanded sidebar: a toggle (with a dot when closed and updated) and its items. */
export function SidebarSection({ section, expanded, searching, active, counters, onToggle, onLogout, logoutPending }: SidebarSectionProps) {
  const translation = useTranslation();
  const listId = `sidebar-section-${section.key}-items`;
  const total = sectionBadgeTotal(section, counters);
  return (
    <li data-testid={`sidebar-section-${section.key}`}>
      <button
        type="button"
        data-testid={`sidebar-section-toggle-${section.key}`}
        aria-expanded={expanded}
        aria-controls={listId}
        onClick={onToggle}
        disabled={searching}
        className={cn(
          'group flex w-full items-center gap-2 rounded-md px-2 py-2 text-[11px] font-semibold uppercase tracking-[0.08em] transition-colors',
          active ? 'text-fg' : 'text-fg-subtle hover:text-fg-muted',
          'disabled:cursor-default',
        )}
      >
        <section.icon className="size-3.5" aria-hidden="true" />
        <span>{navLabel(translation, section)}</span>
        {!expanded && total > 0 && (
          <>
            <span className="ml-auto size-1.5 rounded-full bg-brand" aria-hidden="true" />
            <span className="sr-only">{translation.t('shell.hasUpdates')}</span>
          </>
        )}
        <ChevronDown
          className={cn('size-3.5 transition-transform', !expanded && total > 0 ? 'ml-1.5' : 'ml-auto', !expanded && '-rotate-90')}
          aria-hidden="true"
        />
      </button>
      {expanded && (
        <ul id={listId} className="mb-2 mt-0.5 flex flex-col gap-0.5">
          {section.items.map((item) => (
            <SidebarItem
              key={item.key}
              item={item}
              siblings={section.items}
              count={badgeCount(item, counters)}
              onLogout={onLogout}
              logoutPending={logoutPending}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
