import * as assert from 'node:assert/strict';
import type { CliIo } from '../../../src/cli/cliIo';
import { certificatePassphrase } from '../../../src/cli/certificatePassphrase';

function io(env: NodeJS.ProcessEnv, answers?: string[]): { io: CliIo; questions: string[] } {
  const questions: string[] = [];
  const base: CliIo = { out: () => undefined, err: () => undefined, style: (_s, text) => text, env };
  if (!answers) return { io: base, questions };
  return { io: { ...base, askSecret: async (question) => { questions.push(question); return answers.shift(); } }, questions };
}

describe('CLI certificate passphrase: HTTP_SESSION_CERT_PASSPHRASE, else a hidden terminal question once per certificate', () => {
  const request = { id: '/certs/me.p12', label: 'me.p12 (--cert)' };

  it('HTTP_SESSION_CERT_PASSPHRASE is used without asking', async () => {
    const { io: cli, questions } = io({ HTTP_SESSION_CERT_PASSPHRASE: 'from env' }, ['typed']);
    assert.equal(await certificatePassphrase(cli).askPassphrase?.(request), 'from env');
    assert.deepEqual(questions, []);
  });

  it('on a terminal the question names the certificate and is asked once per certificate for the run; a forgotten one is asked again', async () => {
    const { io: cli, questions } = io({}, ['one', 'two']);
    const asks = certificatePassphrase(cli);
    assert.equal(await asks.askPassphrase?.(request), 'one');
    assert.equal(await asks.askPassphrase?.(request), 'one');
    assert.deepEqual(questions, ['Passphrase for me.p12 (--cert): ']);
    await asks.forgetPassphrase?.(request.id);
    assert.equal(await asks.askPassphrase?.(request), 'two');
  });

  it('with neither there is no way to ask (the engine then names the variable)', () => {
    assert.deepEqual(certificatePassphrase(io({}).io), {});
  });
});
