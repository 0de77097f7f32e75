// `npm test` / `npm start` run this first (pretest, prestart): it checks in about a second what the command
// needs from the machine, installs what is missing when it runs as root with apt-get (as on CI), and
// otherwise stops with one line naming the command to run (exit status 2), before any long install.
import { spawnSync } from 'node:child_process';
import { decidePrerequisites, EXIT_MISSING } from './decidePrerequisites';
import { prerequisitesOf } from './prerequisites';
import type { ReadmeCommand } from './prerequisites';
import { installedQuery, machineFacts } from './queryMachine';

function aptGet(args: string[]): void {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    console.error(`[prerequisites] apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function main(command: ReadmeCommand): void {
  const machine = machineFacts();
  const needed = prerequisitesOf(command, machine);
  const decision = decidePrerequisites(command, needed, installedQuery(needed, machine), machine);
  if (decision.kind === 'ready') return;
  if (decision.kind === 'tell') {
    console.error(decision.message);
    process.exit(EXIT_MISSING);
  }
  console.log(`[prerequisites] npm ${command} needs ${decision.packages.join(' ')}: installing with apt-get (as root)`);
  aptGet(['update']);
  aptGet(['install', '-y', ...decision.packages]);
  const after = decidePrerequisites(command, needed, installedQuery(needed, machine), { ...machine, root: false });
  if (after.kind === 'tell') {
    console.error(`[prerequisites] still missing after apt-get install (is \`python3\` on the PATH Debian's?): ${after.message}`);
    process.exit(EXIT_MISSING);
  }
}

const command = process.argv[2];
if (command !== 'test' && command !== 'start') {
  console.error('usage: tsx scripts/prerequisites/checkPrerequisites.ts test|start');
  process.exit(EXIT_MISSING);
}
main(command);
