import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError, type ContentProblem } from '../lib/errors.ts';
import { typedCountsInPage } from '../lib/site-checks/typed-counts.ts';

/**
 * Checks of the built site that no single page's source can make: after `astro build`, every page's
 * own words are read for counts of sources typed into a template. A problem stops the build, naming
 * the template line when the words can be found in src/.
 */
export default function siteChecks(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'renegotiated-site-checks',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        const problems: ContentProblem[] = [];
        const seen = new Set<string>();
        for (const file of htmlFiles(out)) {
          for (const count of typedCountsInPage(readFileSync(file, 'utf8'))) {
            const template = findInSources(join(root, 'src'), count.text);
            const key = template ? `${template.file}:${template.line}:${count.text}` : `${file}:${count.text}`;
            if (seen.has(key)) continue;
            seen.add(key);
            problems.push({
              file: template ? relative(root, template.file) : relative(root, file),
              ...(template ? { line: template.line, column: template.column } : {}),
              message: `"${count.text}" is a count of sources typed by hand (${template ? `on ${relative(out, file) || 'index.html'}` : 'in a template'}): "…${count.context}…".`,
              fix: 'compute it from the sources collection and mark the element data-count (see src/components/SourceCount.astro), or word it without a number.',
            });
          }
        }
        if (problems.length > 0) throw new ContentError(problems);
      },
    },
  };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/** The first template (or page module) where these words are written. */
function findInSources(dir: string, words: string): { file: string; line: number; column: number } | undefined {
  const pattern = new RegExp(words.trim().split(/\s+/u).map(escape).join('\\s+'), 'iu');
  const files = sourceFiles(dir);
  // Templates first: that is where a page's own words are written.
  for (const file of [...files.filter((f) => f.endsWith('.astro')), ...files.filter((f) => f.includes('/pages/'))]) {
    const text = file.endsWith('.astro') ? markupOnly(readFileSync(file, 'utf8')) : readFileSync(file, 'utf8');
    const m = pattern.exec(text);
    if (!m) continue;
    const before = text.slice(0, m.index).split('\n');
    return { file, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  }
  return undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return sourceFiles(full);
      return /\.(astro|ts|mjs|js)$/u.test(name) ? [full] : [];
    });
}

/**
 * A template's markup, with its frontmatter script and its comments blanked (lines and columns kept):
 * a page's words are written there, and a comment that quotes the words is not where they come from.
 */
function markupOnly(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/gu, ' ');
  return text.replace(/^---\n[\s\S]*?\n---\n/u, blank).replace(/\{\/\*[\s\S]*?\*\/\}|<!--[\s\S]*?-->/gu, blank);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
