// Every command of the `painwise` CLI, in the order `painwise --help` lists them.
import type { CliCommand } from '../command.ts';
import { backupCommand } from './backup.ts';
import { createUserCommand } from './create-user.ts';
import { demoCommand } from './demo.ts';
import { gradeCommand } from './grade.ts';
import { migrateCommand } from './migrate.ts';
import { changeCommand, instrumentsCommand, scoreCommand } from './instruments.ts';
import { mmeCommand } from './mme.ts';
import { readinessCommand } from './readiness.ts';
import { restoreCommand } from './restore.ts';
import { serveCommand } from './serve.ts';

export const COMMANDS: readonly CliCommand[] = [
  serveCommand,
  migrateCommand,
  backupCommand,
  restoreCommand,
  demoCommand,
  createUserCommand,
  mmeCommand,
  readinessCommand,
  instrumentsCommand,
  scoreCommand,
  changeCommand,
  gradeCommand,
];
