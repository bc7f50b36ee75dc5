import '@/i18n/shell-strings';
import { Link } from 'react-router';
import { PanelLeftClose, X } from 'lucide-react';
import { cn } from '@/lib/cn';
import { ElimuMark } from '@/components/ui/ElimuMark';
import { useTranslation } from '@/i18n/use-translation';

export interface SidebarBrandProps {
  collapsed: boolean;
  isDesktop: boolean;
  onMobileClose: () => void;
  onCollapse: () => void;
}

/** The sidebar's top bar: the Elimu mark (home link), and the drawer's close or the rail's collapse button. */
export function SidebarBrand({ collapsed, isDesktop, onMobileClose, onCollapse }: SidebarBrandProps) {
  const { t } = useTranslation();
  return (
    <div className={cn('flex h-16 shrink-0 items-center gap-2 border-b border-line px-4', collapsed && 'justify-center px-2')}>
      {/* The name begins with the words on screen, so a voice-control user can say what they see. */}
      <Link to="/dashboard/partner" className="flex min-w-0 items-center gap-2.5 rounded-lg" aria-label="Elimu Partner, home">
        <ElimuMark className="size-8 shrink-0" />
        {!collapsed && (
          <span className="min-w-0 leading-tight">
            <span className="block text-sm font-semibold text-fg">Elimu</span>{' '}
            <span className="block text-[11px] font-medium uppercase tracking-wider text-fg-subtle">{t('shell.partner')}</span>
          </span>
        )}
      </Link>
      {!isDesktop ? (
        <button type="button" className="btn-ghost ml-auto p-1.5" onClick={onMobileClose} aria-label={t('shell.closeNavigation')} data-testid="sidebar-close">
          <X className="size-5" aria-hidden="true" />
        </button>
      ) : (
        !collapsed && (
          <button
            type="button"
            className="btn-ghost ml-auto p-1.5"
            onClick={onCollapse}
            aria-label={t('shell.collapseSidebar')}
            aria-expanded={true}
            data-testid="sidebar-collapse"
          >
            <PanelLeftClose className="size-4" aria-hidden="true" />
          </button>
        )
      )}
    </div>
  );
}
