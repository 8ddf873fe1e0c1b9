// Every npm script runs on the Node that the `node` devDependency installs; .nvmrc and `engines`
// must name the same major, or a contributor's editor, nvm and npm disagree about which Node is ours.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './_support/passages.ts';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const major = (range: string) => /^\^?(\d+)(?:\.\d+){0,2}$/u.exec(range.trim())?.[1];

describe('the pinned Node', () => {
  const pinned = major(pkg.devDependencies['node'] ?? '');

  it('is a single major through the node devDependency, and it is the Node running the tests', () => {
    expect(
      pinned,
      `devDependencies.node is "${pkg.devDependencies['node']}": write a caret range such as ^24.21.0`,
    ).toMatch(/^\d+$/u);
    expect(process.versions.node.split('.')[0]).toBe(pinned);
  });

  it('is the major that .nvmrc and engines name', () => {
    expect(major(readFileSync(join(REPO, '.nvmrc'), 'utf8')), '.nvmrc').toBe(pinned);
    expect(major(pkg.engines.node), `engines.node is "${pkg.engines.node}"`).toBe(pinned);
  });
});
