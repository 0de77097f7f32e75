import type { MachineFacts, Prerequisite, ReadmeCommand } from './prerequisites';

/** What to do before a README command runs. */
export type PrerequisiteDecision =
  | { readonly kind: 'ready' }
  | { readonly kind: 'install'; readonly packages: readonly string[] }
  | { readonly kind: 'tell'; readonly message: string };

/** Exit status when the user has to install something first (the message names the command to run). */
export const EXIT_MISSING = 2;

/**
 * Decides from the installed-or-not answers: nothing missing → ready; missing and root with apt-get →
 * install them; otherwise one line naming exactly what to run (apt-get) or what is missing (elsewhere).
 */
export function decidePrerequisites(
  command: ReadmeCommand,
  needed: readonly Prerequisite[],
  isInstalled: (prerequisite: Prerequisite) => boolean,
  machine: MachineFacts,
): PrerequisiteDecision {
  const missing = needed.filter((p) => !isInstalled(p));
  if (missing.length === 0) return { kind: 'ready' };
  const packages = missing.map((p) => p.debianPackage);
  if (machine.apt && machine.root) return { kind: 'install', packages };
  if (machine.apt) {
    return { kind: 'tell', message: `npm ${command} needs Debian packages that are missing: run \`sudo apt-get install -y ${packages.join(' ')}\`, then \`npm ${command}\` again.` };
  }
  const what = missing.map((p) => `${p.what} (Debian: ${p.debianPackage})`).join(', ');
  return { kind: 'tell', message: `npm ${command} needs what is missing here: ${what}; install them with your package manager, then \`npm ${command}\` again.` };
}
