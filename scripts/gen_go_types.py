#!/usr/bin/env python3
"""Regenerates src/engine/go_types.rs: docker 28.2.2's Go types for the inspect answers, read
from docker/cli's vendored moby, go-connections, go-units and OCI image-spec sources.

    python3 scripts/gen_go_types.py /path/to/docker/cli.git > /tmp/tables.rs

(a clone of github.com/docker/cli with the v28.2.2 tag), then replace the tables below the
header of src/engine/go_types.rs with the output (`Field::` spelling) and run cargo fmt.
"""
import re, subprocess, sys
REPO = sys.argv[1]
ROOTS = ['container.InspectResponse', 'image.InspectResponse']
files = {
 'container': ['docker_docker_api_types_container_container.go','docker_docker_api_types_container_state.go','docker_docker_api_types_container_health.go','docker_docker_api_types_container_hostconfig.go','docker_docker_api_types_container_config.go','docker_docker_api_types_container_network_settings.go'],
 'image': ['docker_docker_api_types_image_image_inspect.go','docker_docker_api_types_image_image.go','docker_docker_api_types_image_manifest.go'],
 'network': ['docker_docker_api_types_network_endpoint.go'],
 'mount': ['docker_docker_api_types_mount_mount.go'],
 'storage': ['docker_docker_api_types_storage_driver_data.go'],
 'blkiodev': ['docker_docker_api_types_blkiodev_blkio.go'],
 'nat': ['docker_go-connections_nat_nat.go'],
 'units': ['docker_go-units_ulimit.go'],
 'dockerspec': ['moby_docker-image-spec_specs-go_v1_image.go'],
 'ocispec': ['opencontainers_image-spec_specs-go_v1_config.go','opencontainers_image-spec_specs-go_v1_descriptor.go'],
}
NAMES = {}
for fs in files.values():
    for f in fs:
        base = f[:-3]
        for prefix, real in [('docker_docker_api_types_', 'docker/docker/api/types/'),
                             ('docker_go-connections_', 'docker/go-connections/'),
                             ('docker_go-units_', 'docker/go-units/'),
                             ('moby_docker-image-spec_specs-go_v1_', 'moby/docker-image-spec/specs-go/v1/'),
                             ('opencontainers_image-spec_specs-go_v1_', 'opencontainers/image-spec/specs-go/v1/')]:
            if base.startswith(prefix):
                rest = base[len(prefix):]
                if real.endswith('types/'):
                    pkg, name = rest.split('_', 1)
                    rest = pkg + '/' + name
                elif real.endswith('go-connections/'):
                    pkg, name = rest.split('_', 1)
                    rest = pkg + '/' + name
                NAMES[f] = real + rest + '.go'
structs = {}   # 'pkg.Name' -> list of (goname, jsonname, type, omit, embedded)
aliases = {}   # 'pkg.Name' -> type expr (resolved in pkg)
for pkg, fs in files.items():
    for f in fs:
        path = 'vendor/github.com/' + NAMES[f]
        src = subprocess.run(['git', '-C', REPO, 'show', 'v28.2.2:' + path],
                             check=True, capture_output=True, text=True).stdout
        src = re.sub(r'/\*.*?\*/', '', src, flags=re.S)
        def strip(l):
            if l.strip().startswith('//'): return ''
            if '//' in l and ('`' not in l or l.index('//') < l.index('`')):
                return l[:l.index('//')]
            if '`' in l:
                a=l.index('`'); b=l.index('`',a+1); return l[:b+1]
            return re.sub(r'//.*', '', l)
        lines = [strip(l) for l in src.split('\n')]
        i = 0
        while i < len(lines):
            l = lines[i]
            m = re.match(r'^type (\w+) struct \{\s*$', l)
            if m:
                name = pkg+'.'+m.group(1); fields=[]; i+=1
                depth=0
                while not re.match(r'^\}', lines[i]):
                    fl = lines[i].strip()
                    if fl.endswith('struct {'):  # anonymous struct: skip
                        d=1; i+=1
                        while d: 
                            if '{' in lines[i]: d+=1
                            if '}' in lines[i]: d-=1
                            i+=1
                        continue
                    fl = re.sub(r'\s*//.*$', '', fl) if not '`' in fl else re.sub(r'`\s*//.*$', '`', fl)
                    if fl:
                        tag = re.search(r'`(.*)`', fl)
                        jt = None
                        if tag:
                            jm = re.search(r'json:"([^"]*)"', tag.group(1)); jt = jm.group(1) if jm else None
                            fl = fl[:tag.start()].strip()
                        parts = fl.split()
                        if len(parts)==1:
                            fields.append((None, None, parts[0], False, True))
                        else:
                            gn, ty = parts[0], ' '.join(parts[1:])
                            jn, omit = gn, False
                            if jt is not None:
                                bits = jt.split(',')
                                if bits[0]=='-': i+=1; continue
                                if bits[0]: jn = bits[0]
                                omit = 'omitempty' in bits[1:]
                            fields.append((gn, jn, ty, omit, False))
                    i+=1
                structs[name]=fields
            else:
                m = re.match(r'^type (\w+) =?\s*(.+?)\s*$', l)
                if m and not m.group(2).startswith('interface') and not m.group(2).startswith('struct'):
                    aliases[pkg+'.'+m.group(1)] = (pkg, m.group(2))
            i+=1
pkgmap = {'units':'units','mount':'mount','network':'network','storage':'storage','blkiodev':'blkiodev','nat':'nat','strslice':'strslice','ocispec':'ocispec','dockerspec':'dockerspec','container':'container','image':'image','digest':'digest','time':'time','netip':'netip'}
def resolve(pkg, t):
    t=t.strip()
    if t.startswith('*'): return ('ptr', resolve(pkg, t[1:]))
    if t.startswith('[]byte'): return ('bytes',)
    if t.startswith('[]'): return ('slice', resolve(pkg, t[2:]))
    if t.startswith('[2]'): return ('slice', resolve(pkg, t[3:]))
    if t.startswith('map['):
        d=0
        for j,c in enumerate(t):
            if c=='[': d+=1
            elif c==']':
                d-=1
                if d==0: break
        return ('map', resolve(pkg, t[j+1:]))
    if t in ('string',): return ('str',)
    if t=='bool': return ('bool',)
    if t in ('int','int64','int32','int16','int8'): return ('int',)
    if t in ('uint','uint64','uint32','uint16','uint8','os.FileMode'): return ('uint',)
    if t in ('float64','float32'): return ('float',)
    if t in ('interface{}','any','json.RawMessage'): return ('iface',)
    if t=='struct{}': return ('empty',)
    if t=='time.Time': return ('time',)
    if t=='time.Duration': return ('duration',)
    if t in ('digest.Digest','strslice.StrSlice'): return ('str',) if t.startswith('digest') else ('slice',('str',))
    if t in ('netip.Addr','netip.Prefix'): return ('str',)
    if '.' in t: q = t
    else: q = pkg+'.'+t
    if q in structs: return ('struct', q)
    if q in aliases:
        p2, t2 = aliases[q]; return resolve(p2, t2)
    return ('iface', 'UNKNOWN:'+q)
def rname(q): return re.sub(r'[^A-Z0-9]', '_', q.upper())
def rty(t):
    k=t[0]
    if k=='str': return 'Ty::Str'
    if k=='bool': return 'Ty::Bool'
    if k=='int': return 'Ty::Int'
    if k=='uint': return 'Ty::Uint'
    if k=='float': return 'Ty::Float'
    if k=='iface': return 'Ty::Iface'
    if k=='empty': return 'Ty::Empty'
    if k=='time': return 'Ty::Time'
    if k=='duration': return 'Ty::Duration'
    if k=='bytes': return 'Ty::Bytes'
    if k=='ptr': return 'Ty::Ptr(&%s)' % rty(t[1])
    if k=='slice': return 'Ty::Slice(&%s)' % rty(t[1])
    if k=='map': return 'Ty::Map(&%s)' % rty(t[1])
    if k=='struct':
        need.add(t[1]); return 'Ty::Struct(&%s)' % rname(t[1])
need=set(); done=set(); out=[]; unknown=set()
roots = ROOTS
for r in roots: need.add(r)
while need - done:
    q = sorted(need-done)[0]; done.add(q)
    pkg = q.split('.')[0]
    fields=[]
    for gn, jn, ty, omit, emb in structs[q]:
        t = resolve(pkg, ty)
        if t[0]=='iface' and len(t)>1: unknown.add(t[1])
        if emb:
            base = ty.lstrip('*'); gn = base.split('.')[-1]; jn = ''
            fields.append('    F::embedded("%s", &%s),' % (gn, rty(t)))
        else:
            fields.append('    F::new("%s", "%s", &%s, %s),' % (gn, jn, rty(t), 'true' if omit else 'false'))
    out.append('pub static %s: GoStruct = GoStruct {\n    name: "%s",\n    fields: &[\n%s\n    ],\n};\n' % (rname(q), q, '\n'.join('    '+f for f in fields)))
print('\n'.join(out).replace('F::', 'Field::'))
print('// unknown:', sorted(unknown), file=sys.stderr)
