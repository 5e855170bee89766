// The C locale's month and weekday names and the zero-padded clock fields that every imitated
// tool's time stamp is built from. Pure: callers pass the wall time (UTC), nothing reads a clock.

/** `%b`: asctime's, syslog's and ls's month abbreviations. */
export const MONTHS: readonly string[] = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `%a`: the weekday abbreviations, Sunday first as getUTCDay() counts. */
export const DAYS: readonly string[] = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** `%B` and `%A`: the full names (GNU date). */
export const MONTH_NAMES: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAY_NAMES: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `%02d`. */
export const two = (n: number): string => String(n).padStart(2, '0');

/** `%H:%M:%S`: `08:01:02`. */
export const hms = (d: Date): string => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;

/** `%Y-%m-%d %H:%M:%S`: Python logging's (xend, ovs-agent) and the Manager's stamps. */
export const ymdHms = (d: Date): string => `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${hms(d)}`;

/** `%b %e`: `Mar  2`, the day padded with a space (syslog, `ls -l`, asctime). */
export const monthDay = (d: Date): string => `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;

/** C's asctime() without its newline: `Mon Jun  3 10:00:00 2013` (Python's time.asctime, sshd's last login). */
export const asctime = (d: Date): string => `${DAYS[d.getUTCDay()]} ${monthDay(d)} ${hms(d)} ${d.getUTCFullYear()}`;
