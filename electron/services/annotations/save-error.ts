import { ApiError } from '../../common/errors';
import { LockTimeoutError } from './file-lock';

/** Why a sidecar could not be written, in words a person can act on. */
function reason(error: unknown): string {
  if (error instanceof LockTimeoutError) return 'another program kept the annotations file locked. Close other copies of the app and try again';
  if (error instanceof ApiError) return error.message;
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return 'the library folder is read-only. Make it writable (or copy the library somewhere you can write) and it will be saved';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file is in the way of the library’s “.briefing/annotations” folder. Move that file and it will be saved';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full. Free some space and it will be saved';
    case 'ENOENT':
      return 'the library folder is no longer there (a drive may have been removed). Reconnect it and it will be saved';
    default:
      return `the file system refused the write (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
}

export function saveFailed(error: unknown, what: 'annotation' | 'deletion'): ApiError {
  const kept = what === 'annotation' ? 'Your annotation is kept in this window' : 'The annotation is removed in this window';
  return new ApiError('unreadable', `${kept} but could not be saved: ${reason(error)}.`);
}
