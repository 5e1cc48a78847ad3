"""Build test ZIPs: mkzip.py OUT.zip SPEC...

SPEC is NAME=TEXT, or NAME=@GEN where GEN makes the content:
  @head:N:FILE   the first N bytes of FILE      @deep:N     N nested arrays
  @blanks:N      a follower file padded with N blanks inside an element
  @badutf8       a DM file whose text holds invalid UTF-8
  @bigmsg:N      a DM file with one message of N bytes
  @symlink:T     a symbolic link entry pointing at T
@tree:DIR[:PREFIX] adds every file under DIR (as PREFIX + relative path);
-NAME removes an entry added before.
"""
import os
import sys
import zipfile

DM = ('window.YTD.direct_messages.part0 = [{"dmConversation":{"conversationId":"1-2",'
      '"messages":[{"messageCreate":{"recipientId":"2","text":"%s","senderId":"1",'
      '"id":"77","createdAt":"2020-01-01T00:00:00.000Z"}}]}}]')


def content(spec):
    kind, _, arg = spec[1:].partition(':')
    if kind == 'head':
        n, _, path = arg.partition(':')
        return open(path, 'rb').read()[:int(n)]
    if kind == 'deep':
        n = int(arg)
        return b'window.YTD.direct_messages.part0 = [' + b'[' * n + b']' * n + b']'
    if kind == 'blanks':
        return (b'window.YTD.follower.part0 = [{"follower":' + b' ' * int(arg)
                + b'{"accountId":"1"}}]')
    if kind == 'badutf8':
        return (DM % 'caf\xff\xfe bad').encode('latin-1')
    if kind == 'bigmsg':
        return (DM % ('x' * int(arg))).encode()
    raise SystemExit('unknown generator ' + kind)


def main():
    out, specs = sys.argv[1], sys.argv[2:]
    entries = {}
    for spec in specs:
        if spec.startswith('-'):
            entries.pop(spec[1:], None)
        elif spec.startswith('@tree:'):
            d, _, prefix = spec[6:].partition(':')
            for root, _, files in os.walk(d):
                for f in sorted(files):
                    p = os.path.join(root, f)
                    entries[prefix + os.path.relpath(p, d)] = ('file', open(p, 'rb').read())
        else:
            name, _, val = spec.partition('=')
            if val.startswith('@symlink:'):
                entries[name] = ('link', val[9:].encode())
            elif val.startswith('@'):
                entries[name] = ('file', content(val))
            else:
                entries[name] = ('file', val.encode())
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, (kind, data) in entries.items():
            info = zipfile.ZipInfo(name, (2021, 12, 15, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            if kind == 'link':
                info.create_system = 3
                info.external_attr = (0o120777 << 16)
            z.writestr(info, data)


main()
