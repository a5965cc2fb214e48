/** Scores from a Stryker JSON report (mutation-testing-report-schema), per area and per file. */

type Mutant = { status: string };
type Report = { files: Record<string, { mutants: Mutant[] }> };
type Tally = { killed: number; survived: number; noCoverage: number; timeout: number; ignored: number; other: number };

/** Goals from issue 10, checked on a full run; goal 0 = shown only. */
const GOALS: Record<string, Array<{ area: string; files: RegExp; goal: number }>> = {
  core: [{ area: 'core logic (description strings ignored)', files: /./, goal: 85 }],
  server: [
    { area: 'senders/judge.ts', files: /senders\/judge\.ts$/, goal: 90 },
    { area: 'net/address-policy.ts', files: /net\/address-policy\.ts$/, goal: 90 },
    { area: 'senders + net', files: /./, goal: 0 },
  ],
};

function tally(mutants: Mutant[]): Tally {
  const t: Tally = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0, other: 0 };
  for (const m of mutants) {
    if (m.status === 'Killed') t.killed++;
    else if (m.status === 'Survived') t.survived++;
    else if (m.status === 'NoCoverage') t.noCoverage++;
    else if (m.status === 'Timeout') t.timeout++;
    else if (m.status === 'Ignored') t.ignored++;
    else t.other++; // CompileError, RuntimeError: not valid mutants, as Stryker counts them
  }
  return t;
}

/** Stryker's mutation score: detected / (detected + undetected), ignored and invalid left out. */
export function score(t: Tally): number {
  const detected = t.killed + t.timeout;
  const valid = detected + t.survived + t.noCoverage;
  return valid === 0 ? 100 : (100 * detected) / valid;
}

const pct = (n: number) => `${n.toFixed(1).padStart(5)} %`;

function line(name: string, t: Tally): string {
  const valid = t.killed + t.timeout + t.survived + t.noCoverage;
  return `${pct(score(t))}  ${String(t.killed + t.timeout).padStart(4)}/${String(valid).padEnd(4)} survived ${String(t.survived).padStart(3)}  no coverage ${String(t.noCoverage).padStart(3)}  ignored ${String(t.ignored).padStart(3)}  ${name}`;
}

/** Prints the table; false when a goal is missed on a full run. */
export function printScores(pkg: string, report: Report, partial: boolean): boolean {
  const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
  process.stdout.write(`\nMutation scores, ${pkg} (killed+timeout / valid mutants):\n`);
  for (const [file, { mutants }] of files) process.stdout.write(`  ${line(file, tally(mutants))}\n`);
  let ok = true;
  process.stdout.write('\n');
  for (const { area, files: re, goal } of GOALS[pkg] ?? []) {
    const t = tally(files.filter(([f]) => re.test(f)).flatMap(([, f]) => f.mutants));
    const s = score(t);
    const met = s >= goal;
    if (!met && !partial) ok = false;
    const mark = goal === 0 ? '' : `  goal ≥ ${goal} % ${met ? 'met' : 'MISSED'}`;
    process.stdout.write(`  ${line(area, t)}${mark}\n`);
  }
  return ok;
}
