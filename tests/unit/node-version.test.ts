/**
 * The Node.js the project names is one that can run it: package.json's engines against every
 * installed package's own, and the Node.js the Dockerfile and .ci/run use against package.json.
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const engines: string = JSON.parse(read('package.json')).engines.node;
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } }> };

/** The first release of each line package.json allows, e.g. 22.15.0 and 24.0.0. */
const firstAllowed = engines.split('||').map((range) => semver.minVersion(range)!.version);

describe('the Node.js versions', () => {
  it('package.json allows the maintained LTS lines (22 and 24) and not the ended 20', () => {
    expect(firstAllowed.map((version) => semver.major(version))).toEqual([22, 24]);
    expect(semver.satisfies('20.20.2', engines)).toBe(false);
  });

  it('every installed package runs on the first release of each line package.json allows', () => {
    const refused = Object.entries(lock.packages)
      .filter(([path, pkg]) => path !== '' && pkg.engines?.node)
      .flatMap(([path, pkg]) =>
        firstAllowed.filter((v) => !semver.satisfies(v, pkg.engines!.node!)).map((v) => `${path} needs ${pkg.engines!.node} (not ${v})`),
      );
    expect(refused).toEqual([]);
  });

  it('the Docker image runs a Node.js that package.json allows, as the process that gets the signals', () => {
    const dockerfile = read('Dockerfile');
    const [, major] = dockerfile.match(/^FROM node:(\d+)/m)!;
    expect(semver.intersects(`${major}.x`, engines)).toBe(true);
    const command = JSON.parse(dockerfile.match(/^CMD (\[.*\])$/m)![1]!) as string[];
    expect(command[0]).toBe('node');
  });

  it('.ci/run installs a Node.js that package.json allows when the machine has an older one', () => {
    const [, major] = read('.ci/run').match(/install .* node@(\d+)/)!;
    expect(semver.intersects(`${major}.x`, engines)).toBe(true);
  });
});
