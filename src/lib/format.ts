import { NOT_STATED } from './metadata.ts';

/** True for a metadata value the article does not state. */
export function isNotStated(value: string): boolean {
  return value.trim().toLowerCase() === NOT_STATED;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "2026-11-23" → "November 23, 2026" (UTC, so every build says the same). */
export function formatDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}
