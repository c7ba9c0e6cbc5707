#!/usr/bin/env python3
"""Regenerates opnsense-emulator/MESSAGES.md: every message the emulator can answer, with where
OPNsense's source has it and in which of the emulator's version profiles.

Usage: python3 messages.py CORE_GIT_DIR PLUGINS_GIT_DIR [PREVIOUS_MESSAGES_MD] > ../../../MESSAGES.md
(run from this directory; the git dirs are clones of opnsense/core and opnsense/plugins with tags).
With a previous table, messages already located there (same text) are not searched again.

Sources of messages: the Message enum (src/main/java/.../messages/Message.java) and the model
tables' own messages (src/main/resources/.../models/*.md, `msg: "…"` and constraint `msg="…"`).
Each is searched with `git grep -F` in core at the profiles' tags (and plugins HEAD for HAProxy):
the template itself (short ones only quoted), else its longest literal piece, else that piece's first and last 24
characters (PHP splits long strings with ` . `). `origin` is `source` when found, else `contract`.
"""
import os, re, subprocess, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
MODULE = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
JAVA = os.path.join(MODULE, 'src/main/java/io/mcpiac/opnsense/emulator')
MODELS = os.path.join(MODULE, 'src/main/resources/io/mcpiac/opnsense/emulator/models')
PROFILES = [('26.1.0', '26.1'), ('26.1.2', '26.1.2'), ('26.1.6', '26.1.6'), ('26.1.11', '26.1.11'),
            ('26.7.2', '26.7.2')]
CORE, PLUGINS = sys.argv[1], sys.argv[2]
TABLE_OF = {  # model table file -> source model / plugin
    'haproxy_servers.md': 'plugins', 'haproxy_backends.md': 'plugins',
    'haproxy_frontends.md': 'plugins', 'haproxy_general.md': 'plugins'}


def java_string(lit):
    return bytes(lit, 'utf-8').decode('unicode_escape')


def enum_messages():
    src = open(os.path.join(JAVA, 'messages/Message.java')).read()
    out = []
    for m in re.finditer(r'\n  ([A-Z0-9_]+)\(\s*((?:"(?:[^"\\]|\\.)*"\s*\+?\s*)+)(?:,\s*("[^"]*"|null))?(?:,\s*("[^"]*"|null))?\)[,;]', src):
        name = m.group(1)
        text = ''.join(java_string(x) for x in re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(2)))
        since = None if m.group(3) in (None, 'null') else m.group(3).strip('"')
        until = None if m.group(4) in (None, 'null') else m.group(4).strip('"')
        out.append((name, text, since, until))
    return out


def usages():
    """Message constant -> where the emulator answers it (class and field)."""
    use = collections.defaultdict(set)
    for root, _, files in os.walk(JAVA):
        for f in files:
            if not f.endswith('.java') or f == 'Message.java':
                continue
            text = open(os.path.join(root, f)).read()
            cls = f[:-5]
            for m in re.finditer(r'm\.add\(\s*"([^"]+)",\s*Message\.([A-Z0-9_]+)', text):
                use[m.group(2)].add(f'{cls}: {m.group(1)}')
            for m in re.finditer(r'm\.add\(\s*(\w+),\s*Message\.([A-Z0-9_]+)', text):
                use[m.group(2)].add(f'{cls}: (several fields)')
            for m in re.finditer(r'Message\.([A-Z0-9_]+)', text):
                if not any(u.startswith(cls + ':') for u in use[m.group(1)]):
                    use[m.group(1)].add(cls)
    return use


def table_messages():
    out = []
    for f in sorted(os.listdir(MODELS)):
        section = ''
        for line in open(os.path.join(MODELS, f)):
            s = re.match(r'^\*\*`([^`]+)`\*\*', line)
            if s:
                section = s.group(1)
            if not line.startswith('| `'):
                continue
            field = re.match(r'^\| `([^`]+)`', line).group(1)
            end = r'"(?=;\s|\s*\|)'
            for msg in re.findall(r'msg: "(.*?)' + end, line) + re.findall(r'msg="(.*?)' + end, line):
                out.append((f, f'{section}.{field}', msg))
    return out


def grep(repo, rev, needle, paths):
    r = subprocess.run(['git', '-C', repo, 'grep', '-n', '-F', '-e', needle, rev, '--'] + paths,
                       capture_output=True, text=True)
    hits = []
    for line in r.stdout.splitlines():
        m = re.match(r'[^:]+:([^:]+):(\d+):', line)
        if m:
            hits.append((m.group(1), int(m.group(2))))
    return hits


def function_of(repo, rev, path, line):
    if not path.endswith('.php'):
        return 'XML' if path.endswith('.xml') else ''
    text = subprocess.run(['git', '-C', repo, 'show', f'{rev}:{path}'], capture_output=True,
                          text=True).stdout.splitlines()
    for i in range(line - 1, -1, -1):
        m = re.search(r'function\s+(\w+)', text[i])
        if m:
            return m.group(1)
    return ''


def needles(t):
    if len(t) < 30:
        # short texts (titles) only count as a translated string of their own
        yield ["gettext('" + t + "')"]
        yield ['gettext("' + t + '")']
        yield ["'" + t + "'"]
        yield ['"' + t + '"']
    yield [t]
    pieces = sorted((p for p in re.split(r'%s|%d|\n', t) if p.strip()), key=len, reverse=True)
    if pieces and len(pieces[0]) >= 12:
        yield [pieces[0]]
        if len(pieces[0]) > 48:
            yield [pieces[0][:24], pieces[0][-24:]]


def files_with(repo, rev, group, paths):
    files = None
    for n in group:
        h = {p for p, _ in grep(repo, rev, n, paths)}
        files = h if files is None else files & h
    return files or set()


def locate(text, plugin):
    """(profiles whose source has it, 'file::function').

    The file is the one holding it in the newest profile that has it (MVC code preferred); the
    profiles are those where that same file has it, so a text that also sits in a legacy page does
    not count for releases whose model lacks the check.
    """
    groups = list(needles(text))
    if plugin:
        for group in groups:
            files = files_with(PLUGINS, 'HEAD', group, ['net/haproxy'])
            if files:
                path = sorted(files)[0]
                line = grep(PLUGINS, 'HEAD', group[0], [path])[0][1]
                return ([p for p, _ in PROFILES],
                        f'plugins:{path.replace("net/haproxy/src/opnsense/mvc/app/", "haproxy:")}::'
                        f'{function_of(PLUGINS, "HEAD", path, line)}')
    for profile, tag in reversed(PROFILES):
        for group in groups:
            files = files_with(CORE, tag, group, ['src'])
            if not files:
                continue
            path = sorted(files, key=lambda p: ('/mvc/' not in p, p))[0]
            line = grep(CORE, tag, group[0], [path])[0][1]
            where = f'{path.replace("src/opnsense/mvc/app/", "")}::{function_of(CORE, tag, path, line)}'
            # MVC code may move a message between files; legacy pages do not count
            scope = ['src/opnsense/mvc'] if '/mvc/' in path else [path]
            found = []
            for p2, t2 in PROFILES:
                if any(files_with(CORE, t2, g, scope) for g in groups):
                    found.append(p2)
            return found, where
    for group in groups:
        files = files_with(PLUGINS, 'HEAD', group, ['net/haproxy'])
        if files:
            return locate(text, True)
    return [], ''


def cell(s):
    return s.replace('\\', '\\\\').replace('|', '\\|').replace('\n', '\\n')


def previous():
    known = {}
    if len(sys.argv) > 3 and os.path.exists(sys.argv[3]):
        for line in open(sys.argv[3]):
            if line.startswith('| ') and not line.startswith('| message |'):
                cells, cur, i = [], '', 1
                while i < len(line):
                    ch = line[i]
                    if ch == '\\' and i + 1 < len(line):
                        i += 1
                        cur += '\n' if line[i] == 'n' else line[i]
                    elif ch == '|':
                        cells.append(cur.strip()); cur = ''
                    else:
                        cur += ch
                    i += 1
                if len(cells) >= 5 and cells[4] == 'source':
                    known[cells[0]] = (cells[3].split(), cells[2])
    return known


def main():
    use = usages()
    known = previous()
    rows = []
    for name, text, since, until in enum_messages():
        found, where = known.get(text) or locate(text, False)
        rows.append((text, 'Message.' + name + ' — ' + '; '.join(sorted(use.get(name, []))),
                     where, found, since, until))
    for table, field, msg in table_messages():
        found, where = known.get(msg) or locate(msg, table in TABLE_OF)
        rows.append((msg, f'{table[:-3]} {field}', where, found, None, None))
    print('# Messages the emulator can answer\n')
    print('Generated by `src/test/fidelity/messages.py` from OPNsense\'s source (core at the tags of '
          'the version profiles, plugins HEAD for HAProxy). `MessageTableTest` checks that this '
          'table and the emulator\'s messages are the same set and that each `Message` is answered '
          'in exactly the profiles listed here. `\\n` stands for a newline; `%s` is filled in.\n')
    n_source = sum(1 for r in rows if r[3])
    print(f'{len(rows)} rows, {n_source} found in the source, {len(rows) - n_source} from the contract only.\n')
    print('| message | emulator: where (model and field) | source file::function | versions | origin |')
    print('|---|---|---|---|---|')
    for text, where_emu, where_src, found, since, until in rows:
        origin = 'source' if found else 'contract'
        print(f'| {cell(text)} | {cell(where_emu)} | {cell(where_src)} | {" ".join(found)} | {origin} |')


main()
