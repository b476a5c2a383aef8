// Several Lighthouse runs in one Node process and one Chromium.
//
//   node lighthouse_batch.mjs JOBS.json
//
// JOBS.json: {"chromeFlags": "<as for --chrome-flags>", "jobs": [{"args": [<the
// lighthouse CLI's arguments: URL and options>], "output": "<report path>"}]}.
// Each job's arguments are read by the CLI's own flag parser and run the way the
// CLI runs them (`--preset=desktop` loads the desktop config), one after another
// in the same browser: Lighthouse clears the page's cache and storage before
// each run.  Each report (JSON) is written to its job's output; a run that
// throws writes {"batchError": "..."} there instead and the others still run.
import fs from 'node:fs';

import * as ChromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import log from 'lighthouse-logger';
import {getFlags} from 'lighthouse/cli/cli-flags.js';
import {parseChromeFlags} from 'lighthouse/cli/run.js';

const {chromeFlags, jobs} = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
log.setLevel('silent');
const chrome = await ChromeLauncher.launch({
  chromeFlags: parseChromeFlags(chromeFlags),
  logLevel: 'silent',
});
try {
  for (const job of jobs) {
    try {
      const flags = getFlags(job.args, {noExitOnFailure: true});
      const url = flags._[0];
      const config = flags.preset ?
        (await import(`lighthouse/core/config/${flags.preset}-config.js`)).default :
        undefined;
      flags.port = chrome.port;
      flags.logLevel = 'silent';
      const result = await lighthouse(url, flags, config);
      const report = Array.isArray(result.report) ? result.report[0] : result.report;
      fs.writeFileSync(job.output, report);
    } catch (error) {
      fs.writeFileSync(job.output, JSON.stringify({batchError: String(error?.stack || error)}));
    }
  }
} finally {
  await chrome.kill();
}
