// Runs a command as a child process and reports wall time and peak RSS (via the peakRss.cjs preload).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const preload = join(import.meta.dirname, 'peakRss.cjs');

/** Runs `node <args>` with the peak-RSS preload; resolves { ms, peakRss (bytes), cpuMs (user + system), code, stdout (its start), stdoutBytes }. Kills it after `timeoutMs`. */
export function measureNode(args, { timeoutMs = 120_000, cwd } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const rssFile = join(dir, 'rss');
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-r', preload, ...args], {
      cwd,
      env: { ...process.env, PEAK_RSS_FILE: rssFile, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stdoutBytes = 0;
    let stderr = '';
    // Read to the end (a contestant writing into a full pipe waits), keeping only the start for error messages.
    child.stdout.on('data', (d) => { stdoutBytes += d.length; if (stdout.length < 4096) stdout += d; });
    child.stderr.on('data', (d) => { if (stderr.length < 4096) stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      let peakRss = NaN;
      let cpuMs = NaN;
      try { [peakRss, cpuMs] = readFileSync(rssFile, 'utf8').split(' ').map(Number); } catch { /* killed before exit */ }
      rmSync(dir, { recursive: true, force: true });
      resolve({ ms, peakRss, cpuMs, code, stdout, stdoutBytes, stderr });
    });
  });
}

/** Median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
