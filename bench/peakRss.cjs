// Preloaded into a measured process (node -r): writes its peak RSS in bytes to $PEAK_RSS_FILE on exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.PEAK_RSS_FILE) writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
