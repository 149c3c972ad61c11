#!/usr/bin/env python3
"""Fetch every MNIST test image once at every allowed size (cold renders) over keep-alive connections.

Usage: fetch_all_mnist.py http://localhost:5190 [threads]
Prints the request count, failures, wall time and renders per second.
"""
import http.client
import sys
import threading
import time
from urllib.parse import urlparse

base = urlparse(sys.argv[1])
threads = int(sys.argv[2]) if len(sys.argv) > 2 else 4
paths = [f"/img/mnist/{i}.png?size={s}&v=1" for s in (64, 128, 256, 512) for i in range(10_000)]
failures = []
lock = threading.Lock()


def worker(chunk):
    connection = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
    for path in chunk:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200 or not body.startswith(b"\x89PNG"):
            with lock:
                failures.append((path, response.status))


start = time.monotonic()
workers = [threading.Thread(target=worker, args=(paths[k::threads],)) for k in range(threads)]
for w in workers:
    w.start()
for w in workers:
    w.join()
elapsed = time.monotonic() - start
print(f"{len(paths)} requests, {len(failures)} failed, {elapsed:.1f} s, {len(paths) / elapsed:.0f} renders/s")
if failures:
    print("first failures:", failures[:5])
    sys.exit(1)
