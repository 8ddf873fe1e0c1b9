import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeKey,
  impliedKeys,
  isSupported,
  numberValue,
  statedFigures,
  supportedKeys,
  weekdayOf,
} from '../../../src/lib/prose/stated-figures.ts';

const keys = (text: string) => statedFigures(text).map((f) => f.key);
const WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
/** 1–99 in words, as a careful writer spells them. */
const inWords = (n: number) =>
  n < 10 ? WORDS[n]! : n < 20 ? TEENS[n - 10]! : `${TENS[Math.floor(n / 10)]}${n % 10 ? `-${WORDS[n % 10]}` : ''}`;

describe('statedFigures: one key however a figure is written', () => {
  it.each([
    ['27%', 'percent:27'],
    ['27 percent', 'percent:27'],
    ['27 per cent', 'percent:27'],
    ['twenty-seven percent', 'percent:27'],
    ['$50 billion', 'money:50000000000'],
    ['$50B', 'money:50000000000'],
    ['$50bn', 'money:50000000000'],
    ['$50 bn', 'money:50000000000'],
    ['$50-billion', 'money:50000000000'],
    ['50 billion dollars', 'money:50000000000'],
    ['fifty billion dollars', 'money:50000000000'],
    ['USD 50 billion', 'money:50000000000'],
    ['$7.5 billion', 'money:7500000000'],
    ['$1,000', 'money:1000'],
    ['7-Year', 'duration:7:year'],
    ['seven-year', 'duration:7:year'],
    ['seven years', 'duration:7:year'],
    ['a year-long', 'duration:1:year'],
    ['a single quarter', 'duration:1:quarter'],
    ['April 27, 2026', 'date:2026-04-27'],
    ['27 April 2026', 'date:2026-04-27'],
    ['Apr. 27 2026', 'date:2026-04-27'],
    ['March 2026', 'ym:2026-03'],
    ['late March 2026', 'ym:2026-03:late'],
    ['Late March', 'month:03:late'],
    ['April 27', 'md:04-27'],
    ['in February', 'month:02'],
    ['the early 2030s', 'decade:2030:early'],
    ['since 2019', 'year:2019'],
    ['On Sunday evening', 'weekday:sunday'],
    ['three products', 'number:3'],
  ])('reads "%s" as %s', (text, key) => {
    expect(keys(text)).toEqual([key]);
  });

  it('finds no figure in names, in "one" used as a pronoun, or in "May" the verb', () => {
    expect(keys('GPT-5.5 and the 4o model, B2B sales')).toEqual([]);
    expect(keys('one report says so, one of them')).toEqual([]);
    expect(keys('OpenAI may now sell its products')).toEqual([]);
  });

  it('reads a year inside a date as the date only', () => {
    expect(keys('announced on April 27, 2026, a Monday')).toEqual(['date:2026-04-27', 'weekday:monday']);
  });

  it('property: a whole number reads the same in digits and in words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 99 }), (n) => {
        expect(keys(`${n} percent`)).toEqual(keys(`${inWords(n)} percent`));
        expect(keys(`$${n} billion`)).toEqual(keys(`${inWords(n)} billion dollars`));
        expect(keys(`a ${n}-year deal`)).toEqual([`duration:${n}:year`]);
        expect(numberValue(inWords(n))).toBe(n);
      }),
    );
  });

  it('property: every way of writing an amount of money gives one key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom(
          ['billion', 'B', 'bn', ' bn', ' billion', '-billion'],
          ['million', 'M', 'mn', ' mn', ' million', '-million'],
        ),
        (n, [, ...forms]) => {
          const found = new Set(forms.map((f) => keys(`$${n}${f}`).join()));
          expect(found.size).toBe(1);
        },
      ),
    );
  });
});

describe('supportedKeys: what a passage also says', () => {
  const passage = supportedKeys('announced a sweeping restructure of their partnership on April 27, 2026, dismantling');

  it('a full date supports its year, month, month and year, and day of the month', () => {
    for (const written of ['April 27, 2026', 'in 2026', 'in April', 'April 2026', 'April 27']) {
      for (const f of statedFigures(written)) expect(isSupported(f.key, passage), written).toBe(true);
    }
  });

  it('but not its weekday (a computation), nor a narrower part of the month, nor another day', () => {
    for (const written of ['Monday', 'late April', 'April 26', 'May 2026']) {
      for (const f of statedFigures(written)) expect(isSupported(f.key, passage), written).toBe(false);
    }
  });

  it('a month with a part supports the plain month, not the other way round', () => {
    expect(isSupported('month:03', supportedKeys('in late March'))).toBe(true);
    expect(isSupported('month:03:late', supportedKeys('in March'))).toBe(false);
  });

  it('a year in a sentence is supported by the same number, and a number by the same year', () => {
    expect(isSupported('year:2030', supportedKeys('through 2030'))).toBe(true);
    expect(isSupported('number:2030', new Set(['year:2030']))).toBe(true);
  });

  it('property: a date implies exactly its own parts', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(impliedKeys(`date:${iso}`)).toEqual([
          `date:${iso}`,
          `year:${y}`,
          `month:${m}`,
          `ym:${y}-${m}`,
          `md:${m}-${day}`,
        ]);
      }),
    );
  });
});

describe('weekdayOf and describeKey', () => {
  it('computes the weekday of a date by the calendar', () => {
    expect(weekdayOf('2026-04-27')).toBe('monday');
    expect(weekdayOf('2026-04-26')).toBe('sunday');
    expect(weekdayOf('2026-02-30')).toBeUndefined();
  });

  it('property: consecutive days have consecutive weekdays', () => {
    const order = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-30'), noInvalidDate: true }), (d) => {
        const today = d.toISOString().slice(0, 10);
        const tomorrow = new Date(d.getTime() + 86_400_000).toISOString().slice(0, 10);
        expect(order.indexOf(weekdayOf(tomorrow)!)).toBe((order.indexOf(weekdayOf(today)!) + 1) % 7);
      }),
    );
  });

  it('says a key as a reader writes it', () => {
    expect(describeKey('money:50000000000')).toBe('$50,000,000,000');
    expect(describeKey('percent:27')).toBe('27%');
    expect(describeKey('date:2026-04-27')).toBe('April 27, 2026');
    expect(describeKey('ym:2026-03:late')).toBe('late March 2026');
    expect(describeKey('weekday:monday')).toBe('Monday');
    expect(describeKey('duration:7:year')).toBe('7 years');
  });
});
