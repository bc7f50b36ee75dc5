import '@/i18n/shell-strings';
import { Link, useLocation } from 'react-router';
import { cn } from '@/lib/cn';
import { isChildActive, isItemActive, isItemBuilt, type PartnerNavItem } from './partner-nav';
import { navLabel } from '@/i18n/nav-label';
import { useTranslation } from '@/i18n/use-translation';
import { CountBadge } from './CountBadge';

export interface SidebarItemProps {
  item: PartnerNavItem;
  siblings: PartnerNavItem[];
  count: number;
  onLogout: () => void;
  logoutPending: boolean;
}

const itemClass = (active: boolean) =>
  cn(
    'relative flex w-full items-center gap-2.5 rounded-lg px-2.5 py-2 text-sm transition-colors',
    active ? 'bg-brand-soft font-medium text-fg' : 'text-fg-muted hover:bg-elevated hover:text-fg',
  );

function ActiveBar() {
  return <span className="absolute inset-y-1.5 left-0 w-[3px] rounded-full bg-brand" aria-hidden="true" data-role="active-indicator" />;
}

/** The marker of a section not built yet: a quiet pill, read out as ", not available yet". */
function ComingSoon({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span
        data-testid={testId}
        aria-hidden="true"
        className="ml-auto shrink-0 rounded-full border border-line px-1.5 py-px text-[10px] font-medium uppercase tracking-wide text-fg-subtle"
      >
        {t('shell.soon')}
      </span>
      <span className="sr-only">{t('shell.notAvailableYet')}</span>
    </>
  );
}

/** One sidebar link (marked when its route is open, with its live badge and its child views), or the sign-out action. */
export function SidebarItem({ item, siblings, count, onLogout, logoutPending }: SidebarItemProps) {
  const location = useLocation();
  const translation = useTranslation();
  const label = navLabel(translation, item);

  if (item.action === 'logout') {
    return (
      <li>
        <button type="button" data-testid={`sidebar-item-${item.key}`} className={itemClass(false)} onClick={onLogout} disabled={logoutPending}>
          <item.icon className="size-4 shrink-0" aria-hidden="true" />
          <span>{logoutPending ? translation.t('common.signingOut') : label}</span>
        </button>
      </li>
    );
  }

  const active = isItemActive(item, location, siblings);
  const showChildren = !!item.children?.length;
  const built = isItemBuilt(item);

  return (
    <li>
      <Link
        to={item.to!}
        data-testid={`sidebar-item-${item.key}`}
        aria-current={active && !(showChildren && item.children?.some((c) => isChildActive(c, location))) ? 'page' : undefined}
        data-active={active ? 'true' : 'false'}
        data-built={built ? 'true' : 'false'}
        className={cn(itemClass(active), !built && !active && 'text-fg-subtle')}
      >
        {active && <ActiveBar />}
        <item.icon className={cn('size-4 shrink-0', active && 'text-brand-text')} aria-hidden="true" />
        <span className="truncate">{label}</span>
        {built ? (
          item.badge && <CountBadge count={count} counter={item.badge} testId={`sidebar-badge-${item.key}`} />
        ) : (
          <ComingSoon testId={`sidebar-soon-${item.key}`} />
        )}
      </Link>
      {showChildren && (
        <ul className="ml-[1.15rem] mt-0.5 flex flex-col gap-0.5 border-l border-line pl-2" aria-label={`${label} views`}>
          {item.children!.map((child) => {
            const childActive = isChildActive(child, location);
            return (
              <li key={child.key}>
                <Link
                  to={child.to}
                  data-testid={`sidebar-item-${child.key}`}
                  aria-current={childActive ? 'page' : undefined}
                  data-active={childActive ? 'true' : 'false'}
                  className={cn(
                    'flex items-center gap-2 rounded-md px-2 py-1.5 text-[13px] transition-colors',
                    childActive ? 'font-medium text-brand-text' : 'text-fg-subtle hover:bg-elevated hover:text-fg',
                  )}
                >
                  <child.icon className="size-3.5 shrink-0" aria-hidden="true" />
                  <span className="truncate">{navLabel(translation, child)}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
