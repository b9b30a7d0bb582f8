#!/usr/bin/env python3
"""Writes rustdoc JSON (format 57) for every library crate of a probe sysroot build, for
SysrootLinkTest (-Dmirlink.docDir=OUT/TARGET -Dmirlink.mirDir=PROBE/target/TARGET/release/deps).

It replays the rustc arguments a logging RUSTC_WRAPPER recorded (one space-joined line per call
in PROBE/args.log) as rustdoc arguments, from the library directory so that spans match MIR's.
Two crates need care:
  * build-script env (STD_ENV_ARCH for std) comes from PROBE/target/TARGET/release/build/*/output;
  * rustdoc masks the crate marked #![compiler_builtins] and drops all its impls
    (librustdoc/clean/utils.rs), so a copy of compiler-builtins with that attribute blanked is
    documented instead, with the real crate as its injected compiler_builtins dependency.

usage: sysroot-docs.py PROBE TARGET OUT [crate...]
"""
import glob, os, shutil, subprocess, sys

LIBRARY = '/usr/src/rustc-1.96.0/library'
probe, target, out = sys.argv[1], sys.argv[2], sys.argv[3]
only = set(sys.argv[4:])
deps = f'{probe}/target/{target}/release/deps'
os.makedirs(f'{out}/{target}', exist_ok=True)

calls = {}
for line in open(f'{probe}/args.log'):
    args = line.split()
    if '--crate-name' not in args or '--out-dir' not in args or args[args.index('--out-dir') + 1] != deps:
        continue
    if any(args[i + 1] in ('lib', 'rlib', 'dylib') for i, a in enumerate(args) if a == '--crate-type'):
        calls[args[args.index('--crate-name') + 1]] = args

def rustdoc_args(name, args):
    keep, i = [], 0
    while i < len(args):
        a = args[i]
        if a in ('--error-format', '--json', '--out-dir'):
            i += 2
        elif a == '--check-cfg':  # its value was split on spaces by the log
            i += 2
            while i < len(args) and not args[i].startswith('-'):
                i += 1
        elif a.startswith(('--emit', '--error-format=', '--json=')):
            i += 1
        elif a == '-C':
            if args[i + 1].startswith('panic='):
                keep += [a, args[i + 1]]
            i += 2
        elif a.startswith('-C'):
            if a.startswith('-Cpanic='):
                keep.append(a)
            i += 1
        elif a == '--crate-type':
            if args[i + 1] in ('lib', 'rlib', 'dylib') and '--crate-type' not in keep:
                keep += ['--crate-type', 'lib']
            i += 2
        else:
            path = a.split('=', 1)[-1]
            if a.endswith('.so') and not os.path.exists(path) and os.path.exists(path[:-3] + '.rlib'):
                a = a[:-3] + '.rlib'  # the wrapper wrote std as an rlib
            keep.append(a)
            i += 1
    if name == 'compiler_builtins':
        keep += ['--extern', 'compiler_builtins=' + glob.glob(f'{deps}/libcompiler_builtins-*.rmeta')[0]]
    return keep + ['-Zunstable-options', '--output-format', 'json', '--document-private-items',
                   '--document-hidden-items', '-o', f'{out}/{target}', '--cap-lints', 'allow']

for name, args in calls.items():
    if only and name not in only:
        continue
    env = dict(os.environ, RUSTC_BOOTSTRAP='1')
    for output in glob.glob(f'{probe}/target/{target}/release/build/{name}-*/output'):
        for l in open(output):
            for prefix in ('cargo:rustc-env=', 'cargo::rustc-env='):
                if l.startswith(prefix):
                    k, v = l[len(prefix):].strip().split('=', 1)
                    env[k] = v
    cwd = LIBRARY
    if name == 'compiler_builtins':
        cwd = f'{out}/compiler-builtins-src'
        if not os.path.exists(cwd):
            shutil.copytree(f'{LIBRARY}/compiler-builtins', f'{cwd}/compiler-builtins')
            lib = f'{cwd}/compiler-builtins/compiler-builtins/src/lib.rs'
            lines = open(lib).read().split('\n')
            lines[0] = '// #![compiler_builtins] blanked for rustdoc'  # same line numbers
            open(lib, 'w').write('\n'.join(lines))
    r = subprocess.run(['/usr/bin/rustdoc'] + rustdoc_args(name, args), cwd=cwd, env=env,
                       capture_output=True, text=True)
    print(name, 'ok' if r.returncode == 0 else 'FAILED\n' + r.stderr[-2000:], flush=True)
