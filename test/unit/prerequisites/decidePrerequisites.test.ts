import * as assert from 'node:assert/strict';
import { decidePrerequisites } from '../../../scripts/prerequisites/decidePrerequisites';
import { PREREQUISITES, prerequisitesOf } from '../../../scripts/prerequisites/prerequisites';
import type { MachineFacts, Prerequisite } from '../../../scripts/prerequisites/prerequisites';
import { installedDebianPackages, onPath } from '../../../scripts/prerequisites/queryMachine';

const debianRoot: MachineFacts = { platform: 'linux', apt: true, root: true, desktopCode: false };
const debianUser: MachineFacts = { ...debianRoot, root: false };
const mac: MachineFacts = { platform: 'darwin', apt: false, root: false, desktopCode: false };

/** A faked package query: everything is installed except `missing`. */
function allBut(...missing: string[]): (p: Prerequisite) => boolean {
  return (p) => !missing.includes(p.debianPackage);
}

const names = (list: readonly Prerequisite[]): string[] => list.map((p) => p.debianPackage);

describe('prerequisites of the README commands', () => {
  it('npm test needs all seven Debian packages on Linux', () => {
    assert.deepEqual(names(prerequisitesOf('test', debianUser)),
      ['chromium', 'libkrb5-dev', 'libsecret-1-dev', 'curl', 'openssl', 'bsdutils', 'python3-requests']);
  });

  it('npm start needs only the headers code-server builds against, and nothing when desktop code is on the PATH', () => {
    assert.deepEqual(names(prerequisitesOf('start', debianUser)), ['libkrb5-dev', 'libsecret-1-dev']);
    assert.deepEqual(prerequisitesOf('start', { ...debianUser, desktopCode: true }), []);
  });

  it('macOS needs no Linux -dev headers', () => {
    assert.deepEqual(names(prerequisitesOf('test', mac)), ['chromium', 'curl', 'openssl', 'bsdutils', 'python3-requests']);
  });

  it('everything installed: ready, whoever runs it', () => {
    for (const machine of [debianRoot, debianUser, mac]) {
      assert.deepEqual(decidePrerequisites('test', PREREQUISITES, allBut(), machine), { kind: 'ready' });
    }
  });

  it('root with apt-get: installs exactly the missing packages', () => {
    const decision = decidePrerequisites('test', prerequisitesOf('test', debianRoot), allBut('chromium', 'libkrb5-dev'), debianRoot);
    assert.deepEqual(decision, { kind: 'install', packages: ['chromium', 'libkrb5-dev'] });
  });

  it('a non-root user on Debian is told the exact sudo apt-get command, in one line', () => {
    const decision = decidePrerequisites('start', prerequisitesOf('start', debianUser), allBut('libsecret-1-dev'), debianUser);
    assert.equal(decision.kind, 'tell');
    assert.ok(decision.kind === 'tell');
    assert.match(decision.message, /`sudo apt-get install -y libsecret-1-dev`/);
    assert.match(decision.message, /^npm start needs/);
    assert.doesNotMatch(decision.message, /\n/);
  });

  it('macOS or another distribution is told what is missing, in one line', () => {
    const decision = decidePrerequisites('test', prerequisitesOf('test', mac), allBut('python3-requests', 'chromium'), mac);
    assert.ok(decision.kind === 'tell');
    assert.match(decision.message, /python3 with the requests module \(Debian: python3-requests\)/);
    assert.match(decision.message, /a Chromium browser/);
    assert.doesNotMatch(decision.message, /sudo|apt-get/);
    assert.doesNotMatch(decision.message, /\n/);
  });

  it('the real dpkg query tells an installed package from one that does not exist', function () {
    if (!onPath('dpkg-query')) this.skip();
    const installed = installedDebianPackages(['dpkg', 'no-such-package-http-session']);
    assert.deepEqual([...installed], ['dpkg']);
  });
});
