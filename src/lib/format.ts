import { NOT_STATED } from './metadata.ts';

/** True for a metadata value the article does not state. */
export function isNotStated(value: string): boolean {
  return value.trim().toLowerCase() === NOT_STATED;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
