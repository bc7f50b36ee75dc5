import '@/i18n/shell-strings';
import { useId, type KeyboardEvent, type Ref } from 'react';
import { Search } from 'lucide-react';
import { useTranslation } from '@/i18n/use-translation';

export interface SidebarSearchProps {
  /** Ctrl/⌘+K focuses this input. */
  inputRef: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
}

/** Filters the sidebar's items as the partner types; Escape clears it. */
export function SidebarSearch({ inputRef, value, onChange }: SidebarSearchProps) {
  const { t } = useTranslation();
  const searchId = useId();

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && value) {
      e.stopPropagation();
      onChange('');
    }
  };

  return (
    <div className="shrink-0 px-3 pt-3">
      <label htmlFor={searchId} className="sr-only">
        Search navigation
      </label>
      <div className="relative">
        <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-fg-subtle" aria-hidden="true" />
        <input
          ref={inputRef}
          id={searchId}
          type="search"
          data-testid="sidebar-search"
          placeholder={t('shell.searchMenu')}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          className="input h-9 bg-card pl-9 pr-12"
        />
        <kbd className="pointer-events-none absolute right-2 top-1/2 hidden -translate-y-1/2 rounded border border-line px-1.5 text-[10px] text-fg-subtle md:block">
          Ctrl K
        </kbd>
      </div>
    </div>
  );
}
