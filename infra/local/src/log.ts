/** Launcher messages carry a tag so they stand apart from the API's and worker's JSON logs. */
export function say(message: string): void {
  console.log(`[local] ${message}`);
}

export function complain(message: string): void {
  console.error(`[local] ${message}`);
}

/** A URL fit for a log line: the password replaced, so logs and bug reports never carry it. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** The last lines a server printed, kept so a failure to start can show why. */
export class RecentLines {
  private readonly lines: string[] = [];

  constructor(private readonly max = 40) {}

  add(text: string): void {
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim()) continue;
      this.lines.push(line);
      if (this.lines.length > this.max) this.lines.shift();
    }
  }

  toString(): string {
    return this.lines.map((l) => `    ${l}`).join('\n');
  }
}
