#!/usr/bin/env python3
"""A fake engine on a Unix socket for the big-listing benchmark: `/_ping` as API 1.41 and
`GET .../containers/json` with N containers (about 112 bytes each: 110 MB for a million) as one chunked answer.

    python3 bench/fake_list_engine.py SOCKET [N]     # serves until killed
"""
import os
import socket
import sys
import threading

path, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000

# Built once: every request gets the same bytes, sent in 1 MiB chunks.
items = [
    b'{"Id":"%064x","Names":["/c%d"],"State":"exited"}'
    % (i, i)
    for i in range(n)
]
body = b"[" + b",".join(items) + b"]\n"
del items


def serve(conn):
    f = conn.makefile("rb")
    try:
        while True:
            line = f.readline()
            if not line:
                return
            method, target = line.split()[:2]
            length = 0
            while True:
                h = f.readline()
                if h in (b"\r\n", b"\n", b""):
                    break
                k, _, v = h.partition(b":")
                if k.strip().lower() == b"content-length":
                    length = int(v)
            f.read(length)
            if b"/_ping" in target:
                ok = b"" if method == b"HEAD" else b"OK"
                conn.sendall(b"HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nOstype: linux\r\n"
                             b"Content-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s" % (len(ok), ok))
                continue
            if b"/containers/json" not in target:
                msg = b'{"message":"not here"}'
                conn.sendall(b"HTTP/1.1 404 Not Found\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n"
                             b"Content-Length: %d\r\n\r\n%s" % (len(msg), msg))
                continue
            conn.sendall(b"HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n"
                         b"Transfer-Encoding: chunked\r\n\r\n")
            view = memoryview(body)
            for i in range(0, len(body), 1 << 20):
                part = view[i:i + (1 << 20)]
                conn.sendall(b"%x\r\n" % len(part) + part + b"\r\n")
            conn.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    finally:
        conn.close()


if os.path.exists(path):
    os.unlink(path)
srv = socket.socket(socket.AF_UNIX)
srv.bind(path)
srv.listen(16)
print("ready %d bytes" % len(body), flush=True)
while True:
    c, _ = srv.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
