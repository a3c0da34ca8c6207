// The shape every `painwise <command>` implements. Commands get their arguments and an io object
// (never process.stdout directly) so they can be tested in-process, and answer with an exit code:
// 0 success, 2 invalid input (message on stderr), 1 anything else.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface CliCommand {
  readonly name: string;
  /** One line for `painwise --help`. */
  readonly summary: string;
  /** Full text for `painwise <command> --help`. */
  readonly help: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INVALID_INPUT = 2;
