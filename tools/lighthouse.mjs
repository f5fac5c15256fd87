// make audit's Lighthouse runs, every page in this one Node process against one headless Chromium. The `lighthouse`
// command starts Node, loads its audits and launches a browser for each page: about a third of each page's time on
// this machine (docs/ci.md). The settings are the command's defaults (mobile, simulated throttling), as before,
// less the full-page screenshot.
//
// Arguments: the categories (comma-separated), then Chromium's flags. Reads one request a line on standard input,
// {"url", "output", "ignoreStatusCode"}; writes the JSON report to `output` and answers one line on standard
// output, {"ok": true} or {"ok": false, "error": "..."}. After a failed run the browser is started afresh, so a
// retry starts clean. The browser stops when standard input closes.
import fs from 'node:fs';
import readline from 'node:readline';

import {launch} from 'chrome-launcher';
import lighthouse from 'lighthouse';

const [categories, ...chromeFlags] = process.argv.slice(2);
let chrome = await launch({chromeFlags});

for await (const line of readline.createInterface({input: process.stdin})) {
  const {url, output, ignoreStatusCode} = JSON.parse(line);
  let answer;
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: categories.split(','),
      ignoreStatusCode,
      // The screenshot of the whole page only illustrates the report's items; no score or check reads it, and
      // taking it cost about two seconds a page on this machine.
      disableFullPageScreenshot: true,
    });
    // As the command does: a run whose trace could not be recorded (NO_NAVSTART, NO_FCP) is a failed run.
    const {runtimeError} = result.lhr;
    if (runtimeError) throw new Error(`${runtimeError.code}: ${runtimeError.message}`);
    fs.writeFileSync(output, result.report);
    answer = {ok: true};
  } catch (error) {
    answer = {ok: false, error: String(error?.message ?? error)};
    await chrome.kill();
    chrome = await launch({chromeFlags});
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
await chrome.kill();
