import type { CSSProperties } from 'react';

/** A form's fields, messages and buttons stacked with the card's spacing. */
export const FORM_LAYOUT: CSSProperties = { display: 'grid', gap: 10 };

/** A wide table scrolls inside its card instead of widening the page (narrow screens). */
export const SCROLL_X: CSSProperties = { overflowX: 'auto' };
