import { Moon, Sun } from 'lucide-react';
import { cn } from '@/lib/cn';
import { storedTheme, type Theme } from '@/lib/theme';
import { useSaveTheme } from '@/services/account-security';
import { useCurrentUser } from '@/services/auth';
import { SettingsCard } from './SettingsCard';

const THEMES: { value: Theme; label: string; icon: typeof Moon }[] = [
  { value: 'dark', label: 'Dark', icon: Moon },
  { value: 'light', label: 'Light', icon: Sun },
];

export function AppearanceSection() {
  const { data: user } = useCurrentUser();
  const save = useSaveTheme();
  const current: Theme = save.isPending && save.variables ? save.variables : (user?.theme as Theme | undefined) ?? storedTheme();
  return (
    <SettingsCard id="appearance" title="Appearance" description="Choose how Elimu looks. Your choice follows you to every browser you sign in on.">
      <div role="radiogroup" aria-label="Theme" className="grid max-w-sm grid-cols-2 gap-3">
        {THEMES.map(({ value, label, icon: Icon }) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={current === value}
            onClick={() => save.mutate(value)}
            data-testid={`theme-${value}`}
            className={cn(
              'flex items-center justify-center gap-2 rounded-lg border px-3 py-3 text-sm font-medium transition-colors',
              current === value ? 'border-brand bg-brand-soft text-fg' : 'border-line bg-elevated text-fg-muted hover:border-line-strong hover:text-fg',
            )}
          >
            <Icon className="size-4" aria-hidden="true" />
            {label}
          </button>
        ))}
      </div>
    </SettingsCard>
  );
}
