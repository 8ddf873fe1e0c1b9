// The list of the site's fixed pages that content links are checked against is the list src/pages makes.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FIXED_PAGES } from '../../src/lib/routes.ts';
import { ROOT } from '../support/paths.ts';

it('FIXED_PAGES is every page src/pages makes, dynamic routes and 404 aside', () => {
  const dir = join(ROOT, 'src/pages');
  const pages = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((f) => f.replace(/\\/gu, '/'))
    .filter((f) => f.endsWith('.astro') && !f.includes('[') && f !== '404.astro')
    .map((f) => `/${f.replace(/index\.astro$/u, '').replace(/\.astro$/u, '/')}`);
  expect(pages.sort()).toEqual([...FIXED_PAGES].sort());
});
