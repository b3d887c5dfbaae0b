import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@carbon-ets/network';

/** Prints the report and writes it to bench/results/<time><suffix>.md (git-ignored). */
export function publishReport(report: string, suffix: string, log: (line: string) => void): void {
  console.log(report);
  const dir = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = `${new Date().toISOString().replace(/[:.]/g, '-')}${suffix}.md`;
  writeFileSync(path.join(dir, file), report);
  log(`written to bench/results/${file}`);
}
