// Preloaded into a measured process (node -r): writes its peak RSS in bytes and its CPU time (user + system)
// in ms to $PEAK_RSS_FILE on exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.PEAK_RSS_FILE) {
    const usage = process.resourceUsage();
    writeFileSync(process.env.PEAK_RSS_FILE, `${usage.maxRSS * 1024} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}`);
  }
});
