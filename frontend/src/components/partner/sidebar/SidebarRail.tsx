import '@/i18n/shell-strings';
import { PanelLeftOpen } from 'lucide-react';
import { cn } from '@/lib/cn';
import type { RealtimeCounters } from '@/types/partner';
import { partnerNav, type PartnerNavSection } from './partner-nav';
import { sectionBadgeTotal } from './sidebar-badges';
import { navLabel } from '@/i18n/nav-label';
import { useTranslation } from '@/i18n/use-translation';

export interface SidebarRailProps {
  activeSection: string;
  counters: RealtimeCounters;
  onExpand: () => void;
  /** Expands the sidebar with this section open. */
  onOpenSection: (section: PartnerNavSection) => void;
}

/** The collapsed sidebar (desktop): one icon per section, a dot when it has updates. */
export function SidebarRail({ activeSection, counters, onExpand, onOpenSection }: SidebarRailProps) {
  const translation = useTranslation();
  const { t } = translation;
  return (
    <nav aria-label="Partner navigation" className="flex flex-1 flex-col items-center gap-1 overflow-y-auto py-3">
      <button
        type="button"
        className="btn-ghost mb-2 p-2"
        onClick={onExpand}
        aria-label={t('shell.expandSidebar')}
        aria-expanded={false}
        data-testid="sidebar-collapse"
      >
        <PanelLeftOpen className="size-4" aria-hidden="true" />
      </button>
      {partnerNav.map((section) => {
        const total = sectionBadgeTotal(section, counters);
        const isActive = activeSection === section.key;
        return (
          <button
            key={section.key}
            type="button"
            title={navLabel(translation, section)}
            aria-label={`${navLabel(translation, section)}${total > 0 ? t('shell.hasUpdates') : ''}`}
            data-testid={`sidebar-rail-${section.key}`}
            onClick={() => onOpenSection(section)}
            className={cn(
              'relative grid size-10 place-items-center rounded-lg text-fg-muted transition-colors hover:bg-elevated hover:text-fg',
              isActive && 'bg-brand-soft text-fg',
            )}
          >
            {isActive && <span className="absolute inset-y-2 left-0 w-0.5 rounded-full bg-brand" aria-hidden="true" />}
            <section.icon className="size-[18px]" aria-hidden="true" />
            {total > 0 && <span className="absolute right-1.5 top-1.5 size-2 rounded-full bg-brand ring-2 ring-sidebar" aria-hidden="true" />}
          </button>
        );
      })}
    </nav>
  );
}
