import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MachineFacts, Prerequisite, Probe } from './prerequisites';

/** True when `name` is an executable on the PATH. */
export function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, name), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The facts the decision needs about this machine. */
export function machineFacts(): MachineFacts {
  return {
    platform: process.platform,
    apt: onPath('apt-get') && onPath('dpkg-query'),
    root: typeof process.getuid === 'function' && process.getuid() === 0,
    desktopCode: onPath('code'),
  };
}

/** Debian packages of `names` that dpkg reports as installed (one dpkg-query call, well under a second). */
export function installedDebianPackages(names: readonly string[]): Set<string> {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...names], { encoding: 'utf8', timeout: 10_000 });
  const installed = new Set<string>();
  for (const line of (result.stdout ?? '').split('\n')) {
    const [name, ...status] = line.trim().split(/\s+/);
    if (name && status.join(' ') === 'install ok installed') installed.add(name.replace(/:.*$/, ''));
  }
  return installed;
}

/** Whether the thing a probe looks for is present, without asking a package manager. */
export function probeFinds(probe: Probe): boolean {
  switch (probe.kind) {
    case 'command': return onPath(probe.name);
    case 'file': return probe.paths.some((p) => fs.existsSync(p));
    case 'python-module':
      return spawnSync('python3', ['-c', `import ${probe.name}`], { stdio: 'ignore', timeout: 10_000 }).status === 0;
  }
}

/**
 * The real "is it installed" query: on apt machines dpkg's answer, except python3-requests, which counts
 * when the `python3` on the PATH can import requests (the tests run that python3, maybe a pyenv one);
 * elsewhere the probe.
 */
export function installedQuery(needed: readonly Prerequisite[], machine: MachineFacts): (p: Prerequisite) => boolean {
  if (!machine.apt) return (p) => probeFinds(p.probe);
  const installed = installedDebianPackages(needed.map((p) => p.debianPackage));
  return (p) => (p.probe.kind === 'python-module' ? probeFinds(p.probe) : installed.has(p.debianPackage));
}
