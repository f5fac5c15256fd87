// make audit's Lighthouse runs, every page in this one Node process. The `lighthouse` command started Node and
// loaded its audits again for each page: about a third of each page's time on this machine (docs/ci.md). The
// settings are the command's defaults (mobile, simulated throttling), as before, less the full-page screenshot.
//
// Each run gets a browser of its own, launched as the command launches it and closed after the run: a browser kept
// open between runs holds idle connections that occupy the server's sync workers until gunicorn times them out and
// answers them with a 500, which the next run then reads as the page's status (seen in docs/ci.md's measurements).
//
// Arguments: the categories (comma-separated), then Chromium's flags. Reads one request a line on standard input,
// {"url", "output", "ignoreStatusCode"}; writes the JSON report to `output` and answers one line on standard
// output, {"ok": true} or {"ok": false, "error": "..."}. Ends when standard input closes.
import fs from 'node:fs';
import readline from 'node:readline';

import {launch} from 'chrome-launcher';
import lighthouse from 'lighthouse';

const [categories, ...chromeFlags] = process.argv.slice(2);

for await (const line of readline.createInterface({input: process.stdin})) {
  const {url, output, ignoreStatusCode} = JSON.parse(line);
  let answer;
  let chrome;
  try {
    chrome = await launch({chromeFlags});
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
  } finally {
    await chrome?.kill();
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
