/** A README command that checks its prerequisites before it starts: `npm test` or `npm start`. */
export type ReadmeCommand = 'test' | 'start';

/** How to tell, without a package manager, that a prerequisite is present. */
export type Probe =
  | { readonly kind: 'command'; readonly name: string }
  | { readonly kind: 'file'; readonly paths: readonly string[] }
  | { readonly kind: 'python-module'; readonly name: string };

/** One thing a README command needs from the machine, named by its Debian package. */
export interface Prerequisite {
  /** The Debian package that provides it. */
  readonly debianPackage: string;
  /** What it is, for the message on machines without apt-get. */
  readonly what: string;
  /** The README commands that need it. */
  readonly neededBy: readonly ReadmeCommand[];
  /** Only on Linux: on macOS code-server's native modules build against the system's frameworks. */
  readonly linuxOnly?: boolean;
  readonly probe: Probe;
}

/** Paths where the browser tests look for Chromium (as scripts/vscode/launchChromium.ts does). */
export const CHROMIUM_PATHS: readonly string[] = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .filter((p): p is string => !!p);

/**
 * Everything the README's two commands need beyond Node and npm: the one list (`.ci/run` uses it too, by
 * running `npm test`). code-server's native modules (kerberos, keytar) build against the -dev headers;
 * Chromium drives the workbench in the integration and browser tests; curl, openssl, `script` and
 * python3-requests are references and helpers of the unit tests.
 */
export const PREREQUISITES: readonly Prerequisite[] = [
  { debianPackage: 'chromium', what: 'a Chromium browser (or set CHROMIUM_PATH)', neededBy: ['test'],
    probe: { kind: 'file', paths: CHROMIUM_PATHS } },
  { debianPackage: 'libkrb5-dev', what: 'Kerberos headers (gssapi/gssapi.h)', neededBy: ['test', 'start'], linuxOnly: true,
    probe: { kind: 'file', paths: ['/usr/include/gssapi/gssapi.h'] } },
  { debianPackage: 'libsecret-1-dev', what: 'libsecret headers', neededBy: ['test', 'start'], linuxOnly: true,
    probe: { kind: 'file', paths: ['/usr/include/libsecret-1/libsecret/secret.h'] } },
  { debianPackage: 'curl', what: 'curl', neededBy: ['test'], probe: { kind: 'command', name: 'curl' } },
  { debianPackage: 'openssl', what: 'the openssl command', neededBy: ['test'], probe: { kind: 'command', name: 'openssl' } },
  { debianPackage: 'bsdutils', what: 'the script command', neededBy: ['test'], probe: { kind: 'command', name: 'script' } },
  { debianPackage: 'python3-requests', what: 'python3 with the requests module', neededBy: ['test'],
    probe: { kind: 'python-module', name: 'requests' } },
];

/** What the machine offers: its platform, whether it can install with apt-get, whether we are root. */
export interface MachineFacts {
  readonly platform: NodeJS.Platform;
  /** apt-get and dpkg-query are on the PATH. */
  readonly apt: boolean;
  readonly root: boolean;
  /** Desktop VS Code's `code` is on the PATH (then `npm start` opens it and needs no code-server). */
  readonly desktopCode: boolean;
}

/** The prerequisites `command` needs on this machine. */
export function prerequisitesOf(command: ReadmeCommand, machine: MachineFacts): Prerequisite[] {
  if (command === 'start' && machine.desktopCode) return [];
  return PREREQUISITES.filter((p) => p.neededBy.includes(command) && (!p.linuxOnly || machine.platform === 'linux'));
}
