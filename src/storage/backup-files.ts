// How backup and restore write files, on both engines: a file holding the database is created readable
// by its owner only (it holds every patient's record), written under a temporary name beside its
// target, fsync'd, and only then given its name — linked when the name must be new (the link fails on
// an existing file, so nothing is ever overwritten by accident), renamed over the old file when
// replacing — and the directory is fsync'd so that the name survives a crash. A reader never sees a
// half-written file under the target's name; an interrupted run leaves at most a `.NAME.*.partial`.
import crypto from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readSync, renameSync, unlinkSync } from 'node:fs';
import path from 'node:path';

/** A fresh temporary name in the target's directory (a rename is atomic only within one file system). */
export function temporaryBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.partial`);
}

/** Creates an empty file only its owner can read. SQLite and pg_dump write into it and keep its mode. */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', 0o600));
}

export function fsyncPath(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function removeIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Whether the file begins with `header` (latin1). */
export function fileStartsWith(file: string, header: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(header.length);
    return readSync(fd, bytes, 0, bytes.length, 0) === bytes.length && bytes.toString('latin1') === header;
  } finally {
    closeSync(fd);
  }
}

/**
 * Gives the complete `temporary` file the name `target` (see the header). Without `replace` an existing
 * target is left alone and 'target-exists' returned; the temporary file is the caller's to remove.
 */
export function placeFile(temporary: string, target: string, replace: boolean): 'placed' | 'target-exists' {
  fsyncPath(temporary);
  if (replace) renameSync(temporary, target);
  else {
    try {
      linkSync(temporary, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'target-exists';
      throw error;
    }
    unlinkSync(temporary);
  }
  fsyncPath(path.dirname(target));
  return 'placed';
}
