// A problem with the input that stops a build. It always names the file (and the
// column when there is one) and says how to fix it, because the person reading it is an
// analyst with a CRM export, not the author of this code.
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly column: string | null,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${file}${column ? `: column ${column}` : ""}: ${problem}\n  Fix: ${fix}`);
    this.name = "InputError";
  }
}
