import * as fs from 'node:fs';

/**
 * Runs `fn` while holding a lock directory (mkdir is atomic). A lock left by a dead process is taken
 * over; a live holder is waited for (polled every second, up to `timeoutMs`, default 15 min).
 */
export async function withLock<T>(lockDir: string, fn: () => Promise<T>, timeoutMs = 15 * 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.mkdirSync(lockDir, { recursive: false });
      fs.writeFileSync(`${lockDir}/pid`, String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (!holderAlive(lockDir)) { fs.rmSync(lockDir, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lockDir}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function holderAlive(lockDir: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(`${lockDir}/pid`, 'utf8'));
  } catch {
    // No pid yet: just created, unless the holder died between mkdir and writing it.
    try { return Date.now() - fs.statSync(lockDir).mtimeMs < 30_000; } catch { return false; }
  }
  if (!pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
