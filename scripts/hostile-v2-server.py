#!/usr/bin/env python3
"""An independent, hostile v2 Batches API server for trying batchtop by hand (not the project's MockCloud).

Serves /api/v2/batches (cursor pages of at most 7, opaque tokens, one token that points at an empty page),
/api/v2/batches/{id}?expand=results, /api/v2/batches/{id}/cancel, /api/v2/parse and /api/v2/extract (job_ids,
pages of at most 40), /api/v1/beta/directories/{id}/files (pages of at most 30). Batches include a 1,000-file
batch with known counts, hostile display names (escape sequences, OSC 52, C1 controls, bidi overrides, a 10 kB
name), an unknown status, a batch whose results stay null, a THROTTLED batch, a zero-file batch, a batch without
a config and with a bad date, and an extract batch whose job statuses are free text.

Usage: scripts/hostile-v2-server.py PORT KEY [FAULT_RATE]   (FAULT_RATE 0..1: share of requests answered with a
fault: 500, 503, 429 + Retry-After, truncated JSON, an HTML page, a 3 s delay). The expected counts of every
batch are printed as JSON on the first line of standard output ({"expected": {...}}).
"""
import base64, json, random, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs, unquote

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 18123
KEY = sys.argv[2] if len(sys.argv) > 2 else "hostile-key"
FAULT_RATE = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
rng = random.Random(7)

HOSTILE = ["\x1b[31mred\x1b[0m.pdf", "\x1b]52;c;ZXZpbA==\x07clip.pdf", "\u202eevil\u202c.pdf", "c1\x9b31m.pdf",
           "nul\x00byte.pdf", "報告書.pdf", "e\u0301t\u00e9.pdf", "x" * 10000 + ".pdf", "tab\there\nnewline.pdf"]

batches, directories, jobs, expected = [], {}, {}, {}

def add_batch(bid, status, files, plan, jtype="parse_v2", config=True, created="2026-11-30T10:00:00Z",
              results_null=False, names=None, job_status_words=None):
    """plan: list of (count, kind, value): kind 'job' value=status, 'err' value=message, 'none'."""
    did = "dir-" + bid
    directories[did] = [{"id": f"dfl-{bid}-{i}", "directory_id": did, "project_id": "prj-h",
                         "unique_id": f"u-{bid}-{i}",
                         "display_name": (names[i % len(names)] if names else f"file-{i:04d}.pdf")}
                        for i in range(files)]
    results, index = [], 0
    counts = dict(done=0, failed=0, cancelled=0, active=0, waiting=0, files_total=files)
    prefix = "exj-" if jtype == "extract_v2" else "pjb-"
    for count, kind, value in plan:
        for _ in range(count):
            dfl = directories[did][index]["id"]; index += 1
            if kind == "job":
                jid = f"{prefix}{bid}-{index}"
                st = job_status_words.get(value, value) if job_status_words else value
                jobs[jid] = {"id": jid, "project_id": "prj-h", "status": st, "file_input": dfl,
                             "created_at": "2026-11-30T10:00:00Z", "updated_at": "2026-11-30T10:00:00Z",
                             "error_message": ("\x1b[2Jboom " + str(index)) if value == "FAILED" else None,
                             "name": "n"}
                results.append({"source_directory_file_id": dfl,
                                "job_reference": {"type": jtype, "id": jid}, "error_message": None})
                key = {"COMPLETED": "done", "FAILED": "failed", "CANCELLED": "cancelled"}.get(value, "active")
                counts[key] += 1
            elif kind == "err":
                results.append({"source_directory_file_id": dfl, "job_reference": None, "error_message": value})
                counts["failed"] += 1
    counts["waiting"] = files - index
    b = {"id": bid, "project_id": "prj-h", "source_directory_id": did, "status": status,
         "created_at": created, "updated_at": "2026-11-30T10:05:00Z"}
    if config:
        b["config"] = {"job": {"type": jtype, "configuration_id": "cfg-PARSE_AGENTIC"}}
    batches.append({"batch": b, "results": None if results_null else results})
    expected[bid] = None if results_null else counts

add_batch("bat-big", "RUNNING", 1000, [(500, "job", "COMPLETED"), (100, "job", "FAILED"), (50, "job", "CANCELLED"),
                                        (50, "job", "RUNNING"), (20, "err", "unsupported \x1b[5mfile")])
add_batch("bat-hostile-\x1b[31m", "REBALANCING", len(HOSTILE), [(5, "job", "COMPLETED"), (2, "err", "\u202eno")],
          names=HOSTILE)
add_batch("bat-null", "RUNNING", 12, [(6, "job", "RUNNING")], results_null=True)
add_batch("bat-throttled", "THROTTLED", 30, [(10, "job", "COMPLETED"), (10, "job", "PENDING")])
add_batch("bat-zero", "COMPLETED", 0, [])
add_batch("bat-noconfig", "RUNNING", 5, [(5, "job", "RUNNING")], config=False, created="not a date")
add_batch("bat-failed", "FAILED", 40, [(10, "job", "COMPLETED"), (3, "job", "FAILED")])
add_batch("bat-extract", "RUNNING", 60, [(20, "job", "COMPLETED"), (20, "job", "THROTTLED"), (5, "job", "FAILED")],
          jtype="extract_v2", job_status_words={"THROTTLED": "Waiting for capacity"})
for n in range(25):
    add_batch(f"bat-filler-{n:02d}", "COMPLETED", 3, [(3, "job", "COMPLETED")])

def token(offset): return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()
def untoken(t):
    try: return int(base64.urlsafe_b64decode(t.encode()).decode().split(":")[1])
    except Exception: return None

def page(items, q, cap):
    size = max(1, min(cap, int((q.get("page_size") or [cap])[0] or cap)))
    start = untoken(q["page_token"][0]) if "page_token" in q else 0
    if start is None: return None
    chunk = items[start:start + size]
    end = start + len(chunk)
    # At the very end of the batch list, hand out one token that points at an empty page.
    nxt = token(end) if end < len(items) or (cap == 7 and start < len(items)) else None
    return {"items": chunk, "next_page_token": nxt}

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass

    def send(self, status, body, ctype="application/json", headers=None, truncate=False):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        if truncate: data = data[: len(data) // 2]
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items(): self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def fault(self):
        if rng.random() >= FAULT_RATE: return False
        kind = rng.choice(["500", "503", "429", "trunc", "html", "delay"])
        if kind == "500": self.send(500, {"detail": "internal \x1b[31merror"})
        elif kind == "503": self.send(503, b"", "text/plain")
        elif kind == "429": self.send(429, {"detail": "slow down"}, headers={"Retry-After": "1"})
        elif kind == "html": self.send(502, b"<html><body>Bad gateway</body></html>", "text/html")
        elif kind == "delay": time.sleep(3); return False
        else: self.send(200, {"items": [b["batch"] for b in batches[:5]], "next_page_token": None}, truncate=True)
        return True

    def route(self, method):
        if self.headers.get("Authorization") != f"Bearer {KEY}":
            return self.send(401, {"detail": "Invalid API key"})
        if self.fault(): return
        url = urlparse(self.path); q = parse_qs(url.query); parts = [unquote(p) for p in url.path.split("/") if p]
        if parts[:3] == ["api", "v2", "batches"]:
            if len(parts) == 3 and method == "GET":
                items = [b["batch"] for b in batches]
                if "status" in q: items = [b for b in items if b["status"] == q["status"][0]]
                p = page(items, q, 7)
                return self.send(400, {"detail": "bad token"}) if p is None else self.send(200, p)
            match = [b for b in batches if len(parts) > 3 and b["batch"]["id"] == parts[3]]
            if not match: return self.send(404, {"detail": "Batch not found"})
            b = match[0]
            if len(parts) == 5 and parts[4] == "cancel" and method == "POST":
                if b["batch"]["status"] in ("COMPLETED", "FAILED", "CANCELLED"):
                    return self.send(409, {"detail": "batch already finished"})
                answer = dict(b["batch"]); b["batch"]["status"] = "CANCELLED"
                return self.send(200, answer)
            body = dict(b["batch"])
            body["results"] = b["results"] if "results" in q.get("expand", []) else None
            return self.send(200, body)
        if parts[:2] == ["api", "v2"] and len(parts) == 3 and parts[2] in ("parse", "extract"):
            want = q.get("job_ids", [])
            items = [jobs[j] for j in want if j in jobs]
            return self.send(200, page(items, q, 40) or {"items": [], "next_page_token": None})
        if parts[:4] == ["api", "v1", "beta", "directories"] and len(parts) == 6 and parts[5] == "files":
            files = directories.get(parts[4])
            if files is None: return self.send(404, {"detail": "Directory not found"})
            return self.send(200, page(files, q, 30) or {"items": [], "next_page_token": None})
        self.send(404, {"detail": "Not Found"})

    def do_GET(self): self.route("GET")
    def do_POST(self): self.route("POST")

print(json.dumps({"expected": expected}), flush=True)
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
