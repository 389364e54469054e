// `npm run test:mutation`: Stryker mutates the modules that decide what an analyst sees (stryker.config.mjs) and
// runs the unit tests against each mutant. Prints the score per module, every surviving mutant, and last
// `mutation score: NN.N%`, counting mutants no test reaches as survivors and leaving out only the equivalent
// mutants the config names with a reason. Exits non-zero under the threshold. Report: reports/mutation/.
// Extra arguments go to Stryker, e.g. `npm run test:mutation -- --mutate lib/ical.ts` while working on one module.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const configFile = path.join(root, 'stryker.config.mjs');
const { default: config, equivalentMutants, minimumScore } = await import(pathToFileURL(configFile).href);
const reportFile = path.join(root, config.jsonReporter.fileName);

// The tests' throw-away databases go to a folder of our own, emptied each run: they add up to gigabytes.
const tmp = path.join(root, 'reports', 'mutation', 'tmp');
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp, { recursive: true });

const started = Date.now();
const stryker = spawnSync(path.join(root, 'node_modules', '.bin', 'stryker'), ['run', configFile, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TMPDIR: tmp },
});
fs.rmSync(tmp, { recursive: true, force: true });
if (stryker.status !== 0 || !fs.existsSync(reportFile)) {
  console.error(`Stryker failed (exit ${stryker.status}); no score.`);
  process.exit(stryker.status || 1);
}

const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const used = new Set();

/** An equivalent mutant is named by its file, mutator, the text of its line and (optionally) its replacement. */
function equivalence(file, source, mutant) {
  const lines = source.split('\n');
  const text = lines[mutant.location.start.line - 1] ?? '';
  const index = equivalentMutants.findIndex(
    (e) => e.file === file && e.mutator === mutant.mutatorName && text.includes(e.line) && (e.replacement === undefined || e.replacement === mutant.replacement),
  );
  if (index >= 0) used.add(index);
  return index >= 0 ? equivalentMutants[index] : null;
}

const rows = [];
const survivors = [];
let detected = 0;
let undetected = 0;
let equivalent = 0;
for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const row = { file, detected: 0, survived: 0, noCoverage: 0, equivalent: 0 };
  for (const m of mutants) {
    if (DETECTED.has(m.status)) row.detected++;
    else if (UNDETECTED.has(m.status)) {
      if (equivalence(file, source, m)) row.equivalent++;
      else {
        if (m.status === 'Survived') row.survived++;
        else row.noCoverage++;
        const line = source.split('\n')[m.location.start.line - 1]?.trim() ?? '';
        survivors.push(`${file}:${m.location.start.line} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement ?? '')}   in: ${line.slice(0, 100)}`);
      }
    }
  }
  detected += row.detected;
  undetected += row.survived + row.noCoverage;
  equivalent += row.equivalent;
  rows.push(row);
}

const pct = (d, u) => (d + u === 0 ? 100 : (100 * d) / (d + u));
console.log('\nmodule'.padEnd(46) + 'score   killed survived no-cov equivalent');
for (const r of rows) {
  console.log(
    `${r.file.padEnd(45)} ${pct(r.detected, r.survived + r.noCoverage).toFixed(1).padStart(5)}%  ${String(r.detected).padStart(6)} ${String(r.survived).padStart(8)} ${String(r.noCoverage).padStart(6)} ${String(r.equivalent).padStart(10)}`,
  );
}
if (survivors.length) console.log(`\nSurviving mutants (${survivors.length}):\n${survivors.join('\n')}`);
const stale = equivalentMutants.filter((_, i) => !used.has(i));
if (stale.length && process.argv.length <= 2) {
  console.log(`\nEquivalent mutants named in stryker.config.mjs that no longer match a survivor (remove them):`);
  for (const e of stale) console.log(`  ${e.file} ${e.mutator} "${e.line}"`);
}
const score = pct(detected, undetected);
console.log(`\n${detected} killed, ${undetected} not killed, ${equivalent} equivalent; ${((Date.now() - started) / 60000).toFixed(1)} min. Report: ${path.relative(root, config.htmlReporter.fileName)}`);
console.log(`mutation score: ${score.toFixed(1)}%`);
process.exit(score >= minimumScore ? 0 : 1);
