import { cn } from '@/lib/cn';

/** The Elimu mark: a red tile with a white "E". */
export function ElimuMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={cn('size-8', className)} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#E40000" />
      <path d="M10 9h12v3H13.5v2.5H21v3h-7.5V20H22v3H10z" fill="#fff" />
    </svg>
  );
}
