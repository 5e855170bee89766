// Python literals for ovs-agent-db: parsing without eval, Python 2 repr, and pprint's layout
// (the seed 002 dumps: one key per line, sorted, nested dicts indented under their opener).
import { describe, expect, it } from 'vitest';
import { parsePy, pformat, pyDict, pyList, pySet, pyU, repr } from '../../../src/sim/storage/agent/agent-pyvalue';

describe('parsePy', () => {
  it('reads every value syntax of the help text', () => {
    const v = (t: string) => {
      const r = parsePy(t);
      return r.ok ? repr(r.value) : r.error;
    };
    expect([v('None'), v("'some string'"), v('"double"'), v("u'wide'"), v('1234.5678'), v('0x1234'), v('True'), v('False')]).toEqual(["None", "'some string'", "'double'", "u'wide'", '1234.5678', '4660', 'True', 'False']);
    expect([v("['foo', 1234]"), v("('foo', 1234)"), v("{'foo': 'bar', 1: 2}"), v("set(['xen', 'utility'])"), v('(1,)'), v("'it''s'")]).toEqual(["['foo', 1234]", "('foo', 1234)", "{1: 2, 'foo': 'bar'}", "set(['utility', 'xen'])", '(1,)', 'invalid syntax']);
    expect([v('import os'), v("{'a': }"), v('[1, 2'), v('__import__("os")'), v('')]).toEqual(['invalid syntax', 'invalid syntax', 'invalid syntax', 'invalid syntax', 'invalid syntax']);
    expect(v("\"it's\"")).toBe('"it\'s"');
  });
});

describe('pformat', () => {
  it('lays out the server database as seed 002 shows it', () => {
    const server = pyDict({
      cluster_state: 'DLM_Ready',
      clustered: true,
      is_master: false,
      manager_ip: '172.24.19.254',
      node_number: 3,
      pool_member_ip_list: pyList(['172.24.19.91', '172.24.19.94', '172.24.19.92', '172.24.19.95', '172.24.19.96']),
      roles: pySet(['xen', 'utility']),
    });
    expect(pformat(server)).toBe(
      "{'cluster_state': 'DLM_Ready',\n 'clustered': True,\n 'is_master': False,\n 'manager_ip': '172.24.19.254',\n 'node_number': 3,\n 'pool_member_ip_list': ['172.24.19.91',\n                         '172.24.19.94',\n                         '172.24.19.92',\n                         '172.24.19.95',\n                         '172.24.19.96'],\n 'roles': set(['utility', 'xen'])}",
    );
  });

  it('indents a nested repository record under its opening brace', () => {
    const repo = pyDict({
      '0004fb000003000024cd350d232b41fc': pyDict({ alias: pyU('nas-088'), filesystem: 'ocfs2', fs_location: '/dev/mapper/36e843b67fd0b542d4551d417dd8bdad8', manager_uuid: pyU('0004fb0000010000081397618a5f4bb8'), mount_point: '/OVS/Repositories/0004fb000003000024cd350d232b41fc', version: pyU('3.0') }),
    });
    const pad = ' '.repeat(38);
    expect(pformat(repo)).toBe(
      `{'0004fb000003000024cd350d232b41fc': {'alias': u'nas-088',\n${pad}'filesystem': 'ocfs2',\n${pad}'fs_location': '/dev/mapper/36e843b67fd0b542d4551d417dd8bdad8',\n${pad}'manager_uuid': u'0004fb0000010000081397618a5f4bb8',\n${pad}'mount_point': '/OVS/Repositories/0004fb000003000024cd350d232b41fc',\n${pad}'version': u'3.0'}}`,
    );
    expect(pformat(pyDict({ a: 1, b: pyList([]) }))).toBe("{'a': 1, 'b': []}");
  });
});
