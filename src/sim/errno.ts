// Linux errno numbers (x86-64) and glibc's strerror() texts: the one table that every imitated
// tool's `…: No such file or directory` is spelled from. Only the errnos the sandbox raises.

export const ERRNO = {
  EPERM: 1,
  ENOENT: 2,
  ESRCH: 3,
  EIO: 5,
  EBADF: 9,
  ENOMEM: 12,
  EACCES: 13,
  EBUSY: 16,
  EEXIST: 17,
  ENOTDIR: 20,
  EISDIR: 21,
  EINVAL: 22,
  ENOTEMPTY: 39,
  ELOOP: 40,
  ECONNRESET: 104,
  ENOTCONN: 107,
  ECONNREFUSED: 111,
  EHOSTUNREACH: 113,
} as const;

export type Errno = keyof typeof ERRNO;

/** strerror(), as glibc prints it in the C locale. */
export const STRERROR: Readonly<Record<Errno, string>> = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  EIO: 'Input/output error',
  EBADF: 'Bad file descriptor',
  ENOMEM: 'Cannot allocate memory',
  EACCES: 'Permission denied',
  EBUSY: 'Device or resource busy',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  ECONNRESET: 'Connection reset by peer',
  ENOTCONN: 'Transport endpoint is not connected',
  ECONNREFUSED: 'Connection refused',
  EHOSTUNREACH: 'No route to host',
};

/** strerror() of an errno number (an ioctl's or the kernel's return); glibc's text for one it does not know. */
export function strerror(n: number): string {
  const name = (Object.keys(ERRNO) as Errno[]).find((e) => ERRNO[e] === n);
  return name ? STRERROR[name] : `Unknown error ${n}`;
}

/** Python 2's EnvironmentError as str() shows it: `[Errno 2] No such file or directory`. */
export const pyErrno = (e: Errno): string => `[Errno ${ERRNO[e]}] ${STRERROR[e]}`;

/** Python 2's socket.error args as a traceback shows them: `(111, 'Connection refused')`. */
export const pyErrnoTuple = (e: Errno): string => `(${ERRNO[e]}, '${STRERROR[e]}')`;
