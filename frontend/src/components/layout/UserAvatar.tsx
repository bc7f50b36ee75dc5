import { cn } from '@/lib/cn';

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]![0]}${parts[parts.length - 1]![0]}` : (parts[0]?.slice(0, 2) ?? '?');
  return letters.toUpperCase();
}

/** Initials in a circle; decorative (the name is always shown or labelled next to it). */
export function UserAvatar({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn('grid size-8 shrink-0 place-items-center rounded-full bg-gradient-to-br from-brand to-[#7a0000] text-xs font-semibold text-white', className)}
    >
      {initialsOf(name)}
    </span>
  );
}
