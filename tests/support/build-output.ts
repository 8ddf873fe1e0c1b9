import { expect } from 'vitest';

/** A reader meets the sentence first: no stack trace comes before "The site's content has …". */
export function sentenceBeforeStack(output: string): void {
  const sentence = output.indexOf("The site's content has");
  expect(sentence, output).toBeGreaterThanOrEqual(0);
  const stack = output.search(/^\s+at \S/mu);
  if (stack >= 0) expect(sentence, 'the human sentence comes before any stack trace').toBeLessThan(stack);
}
