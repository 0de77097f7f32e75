import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RESTRICTED_SETTINGS, runConfirmation, sendConfirmation, settingValue } from '../../../src/vscode/trust/trustPolicy';

describe('Restricted Mode policy (trust)', () => {
  describe('restricted settings are read from user scope only when the workspace is untrusted', () => {
    const all = { defaultValue: true, globalValue: true, workspaceValue: false, workspaceFolderValue: false };

    it('a trusted workspace: folder beats workspace beats user beats default', () => {
      assert.equal(settingValue(all, true), false);
      assert.equal(settingValue({ defaultValue: 1, globalValue: 2, workspaceValue: 3 }, true), 3);
      assert.equal(settingValue({ defaultValue: 1, globalValue: 2 }, true), 2);
      assert.equal(settingValue({ defaultValue: 1 }, true), 1);
    });

    it('an untrusted workspace cannot turn off TLS verification from .vscode/settings.json', () => {
      assert.equal(settingValue({ defaultValue: true, workspaceValue: false }, false), true);
      assert.equal(settingValue({ defaultValue: true, workspaceFolderValue: false }, false), true);
    });

    it('an untrusted workspace still honours the user\'s own settings', () => {
      assert.equal(settingValue(all, false), true);
      assert.equal(settingValue({ defaultValue: true, globalValue: false, workspaceValue: true }, false), false);
    });

    it('an untrusted workspace cannot add default headers', () => {
      const headers = { defaultValue: {}, workspaceValue: { Authorization: 'Bearer leaked' } };
      assert.deepEqual(settingValue(headers, false), {});
      assert.deepEqual(settingValue(headers, true), { Authorization: 'Bearer leaked' });
    });

    it('an untrusted workspace cannot raise the script limits (a Send or Test run would hang for hours)', () => {
      for (const key of ['httpSession.scripts.timeout', 'httpSession.scripts.memory']) assert.ok((RESTRICTED_SETTINGS as readonly string[]).includes(key), key);
      const timeout = { defaultValue: 5000, workspaceValue: 3_600_000 };
      assert.equal(settingValue(timeout, false), 5000);
      assert.equal(settingValue({ ...timeout, globalValue: 20_000 }, false), 20_000);
      assert.equal(settingValue(timeout, true), 3_600_000);
    });

    it('an unknown setting has no value', () => {
      assert.equal(settingValue(undefined, false), undefined);
    });
  });

  describe('a confirmation before each send from an untrusted workspace', () => {
    it('a trusted workspace sends without asking', () => {
      assert.equal(sendConfirmation(true, 'POST', 'http://127.0.0.1/x'), undefined);
    });

    it('an untrusted workspace asks, naming method and URL', () => {
      const asked = sendConfirmation(false, 'POST', 'http://127.0.0.1:8080/api/login');
      assert.equal(asked?.message, 'Send POST http://127.0.0.1:8080/api/login from an untrusted workspace?');
      assert.match(asked?.detail ?? '', /\$processEnv/);
      assert.equal(asked?.confirm, 'Send');
    });

    it('bidi and control characters in the URL cannot disguise it in the question', () => {
      const asked = sendConfirmation(false, 'GET', 'http://evil.example/\u202Emoc.elgoog\r\nX: y');
      assert.ok(asked);
      assert.doesNotMatch(asked.message, /[\u202E\r\n]/);
      assert.match(asked.message, /evil\.example\/\uFFFDmoc\.elgoog\uFFFD\uFFFDX: y/);
    });

    it('a very long URL is elided in the question', () => {
      const asked = sendConfirmation(false, 'GET', `http://h/${'a'.repeat(5000)}`);
      assert.ok(asked && asked.message.length < 300, String(asked?.message.length));
    });
  });

  describe('scripts in Restricted Mode: one "ask first" before a Testing-view run', () => {
    it('a trusted workspace runs without asking', () => {
      assert.equal(runConfirmation(true, 3, 1), undefined);
    });

    it('an untrusted workspace asks once, naming how many requests and files and that scripts run', () => {
      assert.equal(runConfirmation(false, 1, 1)?.message, 'Send 1 request and run their scripts from an untrusted workspace?');
      const asked = runConfirmation(false, 7, 2);
      assert.equal(asked?.message, 'Send 7 requests from 2 files and run their scripts from an untrusted workspace?');
      assert.match(asked?.detail ?? '', /client\.global/);
      assert.equal(asked?.confirm, 'Run');
    });
  });

  it('the manifest declares limited support and restricts exactly the settings the code reads from user scope', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.ok(untrusted.description.length > 20);
    assert.deepEqual([...untrusted.restrictedConfigurations].sort(), [...RESTRICTED_SETTINGS].sort());
    for (const key of RESTRICTED_SETTINGS) assert.ok(manifest.contributes.configuration.properties[key], `${key} is a contributed setting`);
    const scriptLimits = Object.keys(manifest.contributes.configuration.properties).filter((key) => key.startsWith('httpSession.scripts.'));
    assert.ok(scriptLimits.length >= 2, 'the script limit settings are contributed');
    for (const key of scriptLimits) assert.ok(untrusted.restrictedConfigurations.includes(key), `${key} (a script limit) is restricted`);
  });
});
