import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environmentDir, environmentRootForCli } from '../../../src/core/variables/environmentDir';
import { startServer, type TestServer } from '../../support/startServer';
import { ensureCliBuilt, runCli } from '../cli/cliProcess';

describe('environment files: one rule for the editor and the CLI (walk up from the file\'s folder to the root)', function () {
  this.timeout(60_000);
  let dir: string;
  let server: TestServer;
  const folder = (...parts: string[]): string => {
    const path = join(dir, ...parts);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const envFile = (where: string, values: Record<string, Record<string, string>>, name = 'http-client.env.json'): void => {
    writeFileSync(join(where, name), JSON.stringify(values));
  };

  before(async () => {
    await ensureCliBuilt();
    server = await startServer((req, res) => { res.end(`got ${req.url}`); });
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'env-dir-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  after(() => server.close());

  it('the nearest folder holding an environment file wins, walking up from the file\'s folder', async () => {
    const root = folder('ws');
    const api = folder('ws', 'services', 'api');
    envFile(root, { dev: {} });
    envFile(folder('ws', 'services'), { dev: {} }, 'http-client.private.env.json');
    assert.equal(await environmentDir(api, root), join(root, 'services'));
    assert.equal(await environmentDir(root, root), root);
  });

  it('the walk stops at the root: an environment file above it is not read', async () => {
    envFile(dir, { dev: {} });
    const root = folder('ws');
    const api = folder('ws', 'api');
    assert.equal(await environmentDir(api, root), api);
  });

  it('a file outside the root, or with no root, reads only its own folder', async () => {
    envFile(dir, { dev: {} });
    const elsewhere = folder('elsewhere');
    assert.equal(await environmentDir(elsewhere, folder('ws')), elsewhere);
    assert.equal(await environmentDir(elsewhere), elsewhere);
  });

  it('the CLI\'s root is the git repository holding the file (a .git folder or a worktree\'s .git file), else the current directory', async () => {
    const repo = folder('repo');
    mkdirSync(join(repo, '.git'));
    assert.equal(await environmentRootForCli(folder('repo', 'a', 'b'), '/somewhere'), repo);
    const worktree = folder('worktree');
    writeFileSync(join(worktree, '.git'), 'gitdir: /elsewhere\n');
    assert.equal(await environmentRootForCli(folder('worktree', 'x'), '/somewhere'), worktree);
    assert.equal(await environmentRootForCli(folder('plain', 'x'), '/somewhere'), '/somewhere');
  });

  it('http-session send reads the environment file at the repository root for a file in a subfolder', async () => {
    const repo = folder('repo');
    mkdirSync(join(repo, '.git'));
    envFile(repo, { dev: { baseUrl: server.url } });
    const file = join(folder('repo', 'requests', 'users'), 'list.http');
    writeFileSync(file, 'GET {{baseUrl}}/users\n');
    const run = await runCli(['send', file, '--env', 'dev'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /got \/users/);
  });

  it('outside a repository the CLI walks up to the current directory and no further', async () => {
    envFile(dir, { dev: { baseUrl: server.url } });
    const file = join(folder('a', 'b'), 'list.http');
    writeFileSync(file, 'GET {{baseUrl}}/plain\n');
    const inside = await runCli(['send', file, '--env', 'dev'], { cwd: dir });
    assert.equal(inside.code, 0, inside.stderr);
    assert.match(inside.stdout, /got \/plain/);
    const below = await runCli(['send', file, '--env', 'dev'], { cwd: join(dir, 'a') });
    assert.equal(below.code, 2, below.stdout);
    assert.match(below.stderr, /dev/);
  });
});
