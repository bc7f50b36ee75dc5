import type { ReactNode } from 'react';

/** One section of the settings page: a titled card. */
export function SettingsCard({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="card p-5 sm:p-6" data-testid={`settings-${id}`}>
      <h2 id={`${id}-title`} className="text-base font-semibold text-fg">
        {title}
      </h2>
      {description && <p className="mt-1 text-sm text-fg-muted">{description}</p>}
      <div className="mt-5">{children}</div>
    </section>
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-xs text-brand-text">
      {message}
    </p>
  ) : null;
}
