/**
 * A count of sources in words, as <Count> renders it from the claims ledger: "two reports say",
 * "one report says", "all five reports say", "no report says", "four of the five reports say".
 * The words that follow the number come from the author in both numbers, so the verb agrees.
 */
import { SMALL_NUMBERS } from './number-words.ts';

/** A number as a word up to twenty ("no" for none), in digits beyond (as house style has it). */
export function numberWord(n: number): string {
  if (n === 0) return 'no';
  if (n === 20) return 'twenty';
  return n > 0 && n < 20 ? (SMALL_NUMBERS[n] as string) : String(n);
}

export interface CountWording {
  /** How many sources the count is of. */
  count: number;
  /** How many sources there are in all. */
  total: number;
  /** Of the total, how many the ledger has not reviewed yet (a new seed): the total is then named. */
  unreviewed?: number;
  /** The words after the number, singular and plural: "report says" / "reports say". */
  one?: string;
  other?: string;
  /** "four of the five reports": name the total. */
  of?: boolean;
  /** First word of a sentence. */
  capitalize?: boolean;
}

/** The count in words. */
export function countWords(options: CountWording): string {
  const { count, total, one = '', other = one } = options;
  // With sources not yet reviewed, "two reports" could hide that more may say it: name the total.
  const of = options.of === true || (options.unreviewed ?? 0) > 0;
  const tail = (plural: boolean) => {
    const words = plural ? other : one;
    return words ? ` ${words}` : '';
  };
  let text: string;
  if (total === 1) {
    text = count === 1 ? `the only${tail(false)}` : `no${tail(false)}`;
  } else if (count === total) {
    text = `all ${numberWord(total)}${tail(true)}`;
  } else if (of && count !== 1) {
    // ("one of the five reports says" wants a plural noun with a singular verb: one/other cannot say
    // that, so a single source is "one report says".)
    const share = count === 0 ? 'none' : numberWord(count);
    text = `${share} of the ${numberWord(total)}${tail(count !== 1)}`;
  } else if (count === 0) {
    text = `no${tail(false)}`;
  } else {
    text = `${numberWord(count)}${tail(count !== 1)}`;
  }
  return options.capitalize ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
