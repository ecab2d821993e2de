/** Prints the one-line JSON summary every benchmark ends with (its last line of output). */
export function printJsonLine(summary: Record<string, number | string | boolean>): void {
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}
