// Every command of the `painwise` CLI, in the order `painwise --help` lists them.
import type { CliCommand } from '../command.ts';

export const COMMANDS: readonly CliCommand[] = [
];
