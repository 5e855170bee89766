// ovs-agent-db's text: its optparse help (the value-syntax part as seed 002 shows it; the command
// list [INFERRED]) and the Python pprint of a database or an item.
import { pformat } from '../storage/agent/agent-pyvalue';
import type { PyValue } from '../storage/agent/agent-types';

export const AGENT_DB_USAGE = 'Usage: ovs-agent-db [options] <command> [args]\n';

export const AGENT_DB_HELP = [
  'Usage: ovs-agent-db [options] <command> [args]',
  '',
  'Commands:',
  '  list_db',
  '  create_db <db_name>',
  '  delete_db <db_name>',
  '  dump_db <db_name>',
  '  read_item <db_name> <key>',
  '  write_item <db_name> <key> <value>',
  '  update_item <db_name> <key> <value>',
  '  delete_item <db_name> <key>',
  '',
  'Use python syntax to specify the "value" parameters:',
  '  * None: "None"',
  '  * string: "\'some string\'"',
  '  * number: "1234.5678", "0x1234"',
  '  * boolean: "True", "False"',
  '  * list: "[\'foo\', 1234]"',
  '  * tuple: "(\'foo\', 1234)"',
  '  * dict: "{\'foo\': \'bar\', 1: 2}"',
  '',
  'Options:',
  '  -h, --help     show this help message and exit',
  '  -c, --cluster  use the cluster database on the pool file system',
  '',
].join('\n');

/** How dump_db and read_item print a value: pprint.pprint. */
export const renderPy = (v: PyValue): string => pformat(v) + '\n';

/** optparse's error exit: usage, a blank line, `prog: error: msg` (exit 2). */
export const optparseError = (msg: string): string => `${AGENT_DB_USAGE}\novs-agent-db: error: ${msg}\n`;
