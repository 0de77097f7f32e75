import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSourceFacts } from './sourceFacts';

const ROOT = join(__dirname, '../../..');

interface Manifest {
  contributes: {
    commands: { command: string }[];
    keybindings: { command: string; key: string; when?: string }[];
    menus: Record<string, { command: string; alt?: string }[]>;
    configuration: { properties: Record<string, { default?: unknown }> };
    viewsWelcome?: { contents: string }[];
  };
  capabilities?: { untrustedWorkspaces?: { restrictedConfigurations?: string[] } };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const declared = new Set(manifest.contributes.commands.map((c) => c.command));
const settings = new Set(Object.keys(manifest.contributes.configuration.properties));
const facts = readSourceFacts(join(ROOT, 'src'));

const sorted = (items: Iterable<string>): string[] => [...items].sort();

describe('manifest: contributions match the code', () => {
  it('every registerCommand id and every setting read is worked out from the source', () => {
    assert.deepEqual(facts.unresolved, [], 'teach test/unit/manifest/sourceFacts.ts these calls');
    assert.ok(facts.registeredCommands.size >= 10, `found only ${facts.registeredCommands.size} registered commands`);
  });

  it('every contributed command is registered in code', () => {
    assert.deepEqual(sorted([...declared].filter((c) => !facts.registeredCommands.has(c))), []);
  });

  it('every command registered in code is contributed', () => {
    assert.deepEqual(sorted([...facts.registeredCommands].filter((c) => !declared.has(c))), []);
  });

  it('menus, keybindings and welcome links name declared commands', () => {
    const named = [
      ...Object.entries(manifest.contributes.menus).flatMap(([menu, items]) =>
        items.flatMap((i) => [i.command, i.alt].filter((c): c is string => !!c).map((c) => `${menu}: ${c}`))),
      ...manifest.contributes.keybindings.map((k) => `keybinding ${k.key}: ${k.command}`),
      ...(manifest.contributes.viewsWelcome ?? []).flatMap((w) =>
        [...w.contents.matchAll(/\(command:([\w.]+)\)/g)].map((m) => `viewsWelcome: ${m[1]}`)),
    ];
    assert.ok(named.length > 20);
    assert.deepEqual(named.filter((n) => !declared.has(n.slice(n.lastIndexOf(' ') + 1))), []);
  });

  it('every keybinding has a when clause', () => {
    assert.deepEqual(manifest.contributes.keybindings.filter((k) => !k.when?.trim()).map((k) => k.key), []);
  });

  it('every setting the code reads is declared', () => {
    assert.ok(facts.settingsRead.size >= 8, `found only ${facts.settingsRead.size} settings read`);
    assert.deepEqual(sorted([...facts.settingsRead].filter((s) => !settings.has(s))), []);
  });

  it('every declared setting is read by the code, and restricted settings are declared', () => {
    assert.deepEqual(sorted([...settings].filter((s) => !facts.settingsRead.has(s))), []);
    const restricted = manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? [];
    assert.deepEqual(restricted.filter((s) => !settings.has(s)), []);
  });

  it('the README settings table lists every contributed setting with its default, and no other', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const rows = new Map([...readme.matchAll(/^\| `(httpSession\.[\w.]+)` \| `([^`]*)` \|/gm)].map((m) => [m[1], m[2]]));
    assert.deepEqual(sorted(rows.keys()), sorted(settings));
    for (const [name, shown] of rows) assert.equal(shown, JSON.stringify(manifest.contributes.configuration.properties[name].default), name);
  });
});
