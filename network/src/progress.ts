/** Prints numbered steps with their duration, so long operations show where they are. */
export class Progress {
  private readonly started = Date.now();
  private stepStarted = Date.now();

  constructor(private readonly out: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  step(message: string): void {
    this.stepStarted = Date.now();
    this.out(`• ${message}`);
  }

  done(message?: string): void {
    this.out(`  ✓ ${message ?? 'done'} (${seconds(Date.now() - this.stepStarted)})`);
  }

  info(message: string): void {
    this.out(`  ${message}`);
  }

  /** Seconds since this progress began. */
  elapsedSeconds(): string {
    return seconds(Date.now() - this.started);
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
