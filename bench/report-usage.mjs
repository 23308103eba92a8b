// Loaded with `node --import`, it writes the process's peak memory and CPU time to the
// file named by BITEXT_USAGE_FILE when the process ends.
import { writeFileSync } from 'node:fs';

const target = process.env.BITEXT_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000 }));
  });
}
