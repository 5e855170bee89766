// Tables of `multipathd -k"show …"` (0.4.9 print.c): every column is `%-Ns ` (padded to the
// widest of header and values, then one space, also after the last column), plus `show status`
// and the CLI help text.

/** Rows (first row = header) with each cell padded to its column's width and a space after it. */
export function padTable(rows: readonly (readonly string[])[]): string {
  if (!rows.length) return '';
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!) + ' ').join('') + '\n').join('');
}

/** next_check: ten characters of `X` (elapsed) and `.` (remaining), then ` tick/interval`. */
export function progressBar(elapsed: number, total: number): string {
  const n = total > 0 ? Math.max(0, Math.min(10, Math.floor((elapsed * 10) / total))) : 0;
  return 'X'.repeat(n) + '.'.repeat(10 - n) + ` ${elapsed}/${total}`;
}

export function renderStatus(counts: ReadonlyArray<readonly [string, number]>, paths: number): string {
  let out = 'path checker states:\n';
  for (const [name, n] of counts) if (n > 0) out += name.padEnd(20) + String(n) + '\n';
  return out + `\npaths: ${paths}\nbusy: False\n`;
}

export const CLI_HELP = `multipath-tools v0.4.9 (04/04, 2009)
CLI commands reference:
 list|show paths
 list|show paths format $format
 list|show status
 list|show daemon
 list|show maps|multipaths
 list|show maps|multipaths status
 list|show maps|multipaths stats
 list|show maps|multipaths format $format
 list|show maps|multipaths topology
 list|show topology
 list|show map|multipath $map topology
 list|show config
 list|show blacklist
 list|show devices
 list|show wildcards
 add path $path
 remove|del path $path
 add map|multipath $map
 remove|del map|multipath $map
 switch|switchgroup map|multipath $map group $group
 reconfigure
 suspend map|multipath $map
 resume map|multipath $map
 resize map|multipath $map
 disablequeueing map|multipath $map
 restorequeueing map|multipath $map
 disablequeueing maps|multipaths
 restorequeueing maps|multipaths
 reinstate path $path
 fail path $path
 quit|exit
`;

export const WILDCARDS = `multipath format wildcards:
%n  name
%w  uuid
%d  sysfs
%F  failback
%Q  queueing
%N  paths
%r  write_prot
%t  dm-st
%S  size
%f  features
%h  hwhandler
%A  action
%0  path_faults
%1  switch_grp
%2  map_loads
%3  total_q_time
%4  q_timeouts
%s  vend/prod/rev
%v  vend
%p  prod
%e  rev

path format wildcards:
%w  uuid
%i  hcil
%d  dev
%D  dev_t
%t  dm_st
%o  dev_st
%T  chk_st
%s  vend/prod/rev
%c  checker
%C  next_check
%p  pri
%S  size
`;
