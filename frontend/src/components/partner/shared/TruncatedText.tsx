import type { AriaAttributes, ElementType } from 'react';
import { cn } from '@/lib/cn';

export interface TruncatedTextProps extends AriaAttributes {
  /** What the user typed: a program, child or partner name. */
  text: string;
  /** How many lines it may take before it is cut with an ellipsis (1: one line). */
  lines?: 1 | 2 | 3;
  /** The element drawn; a span by default. */
  as?: ElementType;
  /** Width limits belong to the caller (a table cell gives e.g. `max-w-[18rem]`). */
  className?: string;
  testId?: string;
}

const CLAMP = { 2: 'line-clamp-2', 3: 'line-clamp-3' } as const;

/**
 * The one way user-typed names are drawn: never wider than their box (a 200-character name without a space breaks
 * anywhere rather than widening the page), cut after `lines` lines, with the whole text as a tooltip. Screen readers
 * read the whole text: the cut is only visual.
 */
export function TruncatedText({ text, lines = 1, as: Tag = 'span', className, testId, ...aria }: TruncatedTextProps) {
  return (
    <Tag
      {...aria}
      title={text}
      data-testid={testId}
      // line-clamp brings its own display (-webkit-box): a `block` beside it would undo the clamp.
      className={cn('min-w-0 max-w-full', lines === 1 ? 'block truncate' : cn(CLAMP[lines], '[overflow-wrap:anywhere]'), className)}
    >
      {text}
    </Tag>
  );
}
