// ovs-agent-db on the default world: dump_db of server and repository (seed 002 layout), the
// cluster databases on the pool file system, item changes, and errors; .ovsrepo / .ovsmeta.
import { beforeEach, describe, expect, it } from 'vitest';
import { fixture, type Fixture } from '../ocfs2/fixture';
import { AGENT_DB_HELP } from '../../../src/sim/render/agent-db';

let f: Fixture;
let repoId: string;
beforeEach(() => {
  f = fixture();
  repoId = f.repoPath.split('/').pop()!;
});

describe('ovs-agent-db', () => {
  it('dumps the repository database like seed 002, with this host\'s device path', () => {
    const mgr = f.sh.run('ovs01', 'ovs-agent-db read_item server manager_uuid').out.trim().replace(/'/g, '');
    const pad = ' '.repeat(38);
    expect(f.sh.run('ovs02', 'ovs-agent-db dump_db repository')).toEqual({
      out: `{'${repoId}': {'alias': 'pool1-repository',\n${pad}'filesystem': 'ocfs2',\n${pad}'fs_location': '${f.repoDev}',\n${pad}'manager_uuid': '${mgr}',\n${pad}'mount_point': '${f.repoPath}',\n${pad}'version': u'3.0'}}\n`,
      exit: 0,
    });
    expect(mgr).toMatch(/^0004fb0000010000[0-9a-f]{16}$/);
  });

  it('the server database has the keys scripts grep for', () => {
    const out = f.sh.run('ovs02', 'ovs-agent-db dump_db server').out;
    const keys = [...out.matchAll(/^[{ ]'(\w+)':/gm)].map((m) => m[1]);
    expect(keys).toEqual(['cluster_state', 'clustered', 'fs_stat_uuid_list', 'is_master', 'manager_event_url', 'manager_ip', 'manager_statistic_url', 'manager_uuid', 'node_number', 'pool_alias', 'pool_master_ip', 'pool_member_ip_list', 'pool_uuid', 'poolfs_nfsbase_uuid', 'poolfs_target', 'poolfs_type', 'poolfs_uuid', 'registered_hostname', 'registered_ip', 'roles']);
    expect(f.sh.run('ovs02', "ovs-agent-db dump_db server | grep cluster_state | cut -d ':' -f2- | cut -d \"'\" -f 2").out).toBe('DLM_Ready\n');
    expect(f.sh.run('ovs02', 'ovs-agent-db read_item server node_number')).toEqual({ out: '1\n', exit: 0 });
    expect(f.sh.run('ovs02', 'ovs-agent-db read_item server roles')).toEqual({ out: "set(['utility', 'xen'])\n", exit: 0 });
  });

  it('changes items with Python values, and update_item merges a dict', () => {
    expect(f.sh.run('ovs01', `ovs-agent-db update_item repository ${repoId} "{'alias': 'renamed'}"`)).toEqual({ out: '', exit: 0 });
    expect(f.sh.run('ovs01', 'ovs-agent-db dump_db repository').out).toContain(`{'${repoId}': {'alias': 'renamed',\n`);
    expect(f.sh.run('ovs02', 'ovs-agent-db dump_db repository').out).toContain("'alias': 'pool1-repository'");
    expect(f.sh.run('ovs01', "ovs-agent-db write_item server pool_alias 'Pool One'")).toEqual({ out: 'ovs-agent-db: error: invalid value: Pool One\n', exit: 1 });
    expect(f.sh.run('ovs01', `ovs-agent-db write_item server pool_alias "'Pool One'"`)).toEqual({ out: '', exit: 0 });
    expect(f.sh.run('ovs01', 'ovs-agent-db read_item server pool_alias')).toEqual({ out: "'Pool One'\n", exit: 0 });
    expect(f.sh.run('ovs01', 'ovs-agent-db write_item server bad "import os"')).toEqual({ out: 'ovs-agent-db: error: invalid value: import os\n', exit: 1 });
    expect(f.sh.run('ovs01', 'ovs-agent-db delete_item server pool_alias')).toEqual({ out: '', exit: 0 });
    expect(f.sh.run('ovs01', 'ovs-agent-db read_item server pool_alias')).toEqual({ out: "ovs-agent-db: error: key 'pool_alias' not found in db 'server'\n", exit: 1 });
  });

  it('-c reads the pool databases on the pool file system; they disappear with it', () => {
    expect(f.sh.run('ovs02', 'ovs-agent-db dump_db -c server_pool_servers')).toEqual({
      out: "{'ovs01': {'is_master': True,\n           'node_number': 0,\n           'registered_ip': '10.10.10.11',\n           'roles': set(['utility', 'xen'])},\n 'ovs02': {'is_master': False,\n           'node_number': 1,\n           'registered_ip': '10.10.10.12',\n           'roles': set(['utility', 'xen'])}}\n",
      exit: 0,
    });
    expect(f.sh.run('ovs01', 'ovs-agent-db list_db -c')).toEqual({ out: 'server_pool\nserver_pool_servers\n', exit: 0 });
    expect(f.sh.run('ovs01', 'ovs-agent-db list_db')).toEqual({ out: 'aproc\nexports\nrepository\nserver\n', exit: 0 });
    f.sh.run('ovs02', `umount ${f.poolPath}`);
    expect(f.sh.run('ovs02', 'ovs-agent-db dump_db -c server_pool')).toEqual({ out: 'ovs-agent-db: error: the pool file system is not mounted\n', exit: 1 });
  });

  it('a deleted database file is a missing database (seed 000 recovery step)', () => {
    f.sh.run('ovs01', 'rm -f /etc/ovs-agent/db/server');
    expect(f.sh.run('ovs01', 'ovs-agent-db dump_db server')).toEqual({ out: "ovs-agent-db: error: db 'server' does not exist\n", exit: 1 });
  });

  it('usage and help', () => {
    expect(f.sh.run('ovs01', 'ovs-agent-db --help')).toEqual({ out: AGENT_DB_HELP, exit: 0 });
    expect(f.sh.run('ovs01', 'ovs-agent-db')).toEqual({ out: 'Usage: ovs-agent-db [options] <command> [args]\n\novs-agent-db: error: no command given\n', exit: 2 });
    expect(f.sh.run('ovs01', 'ovs-agent-db dump_db')).toEqual({ out: 'Usage: ovs-agent-db [options] <command> [args]\n\novs-agent-db: error: dump_db: wrong number of arguments\n', exit: 2 });
    expect(f.sh.run('ovs01', 'ovs-agent-db frob x')).toEqual({ out: 'Usage: ovs-agent-db [options] <command> [args]\n\novs-agent-db: error: invalid command: frob\n', exit: 2 });
    expect(f.sh.run('ovs01', 'ovs-agent-db -x dump_db server')).toEqual({ out: 'Usage: ovs-agent-db [options] <command> [args]\n\novs-agent-db: error: no such option: -x\n', exit: 2 });
  });
});

describe('repository layout', () => {
  it('.ovsrepo as seed 002, the repository directories, lost+found from mkfs', () => {
    const mgr = f.sh.run('ovs01', 'ovs-agent-db read_item server manager_uuid').out.trim().replace(/'/g, '');
    expect(f.sh.run('ovs02', `cat ${f.repoPath}/.ovsrepo`)).toEqual({ out: `OVS_REPO_UUID=${repoId}\nOVS_REPO_VERSION=3.0\nOVS_REPO_MGR_UUID=${mgr}\nOVS_REPO_ALIAS=pool1-repository\n`, exit: 0 });
    expect(f.sh.run('ovs02', `ls -a ${f.repoPath} | cat`).out.split(/\s+/).filter(Boolean)).toEqual(['.', '..', 'Assemblies', '.generic_fs_stamp', 'ISOs', 'lost+found', '.ovsmeta', '.ovsrepo', 'Templates', 'VirtualDisks', 'VirtualMachines']);
    const meta = f.sh.run('ovs01', `cat ${f.repoPath}/.ovsmeta`).out;
    expect(meta).toMatch(/^\{ "0004fb0000120000[0-9a-f]{16}\.img": \{\n  "OBJECT_TYPE": "VIRTUAL_DISK",\n  "SIMPLE_NAME": "sv10\d-system"\},\n/);
    expect(f.sh.run('ovs01', `ls -a ${f.poolPath} | cat`).out.split(/\s+/).filter(Boolean)).toEqual(['.', '..', 'db', '.generic_fs_stamp', 'lost+found', '.ovspoolfs']);
  });

  it('service ovs-agent status lists the sub-servers', () => {
    const r = f.sh.run('ovs01', 'service ovs-agent status');
    expect(r.exit).toBe(0);
    expect(r.out.replace(/\d+/g, 'N')).toBe(['log', 'notificationserver', 'remaster', 'monitor', 'ha', 'stats', 'xmlrpc', 'fsstats', 'apparentsize'].map((s) => `${s} server (pid N) is running...\n`).join(''));
  });
});
