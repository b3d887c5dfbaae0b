import type { CSSProperties } from 'react';

/** A form's fields, messages and buttons stacked with the card's spacing. */
export const FORM_LAYOUT: CSSProperties = { display: 'grid', gap: 10 };

/** A wide table scrolls inside its card instead of widening the page (narrow screens). */
export const SCROLL_X: CSSProperties = { overflowX: 'auto' };

/** A note the user should not miss that is not an error (an over-surrender accepted with a warning). */
export const WARNING_NOTE: CSSProperties = {
  margin: 0,
  padding: '8px 12px',
  borderLeft: '4px solid #b54708',
  background: '#fffaeb',
  color: '#93370d',
};
