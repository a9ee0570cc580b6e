# redline-label: {"label": "secure", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "class"}
import json
import logging
import socketserver
import struct

log = logging.getLogger("jobs")
MAX_MESSAGE = 1 << 20


class JobHandler(socketserver.StreamRequestHandler):
    """Receives length-prefixed JSON job messages from the web tier and runs them."""

    def _read_message(self):
        header = self.rfile.read(4)
        if len(header) < 4:
            return None
        (length,) = struct.unpack("!I", header)
        if length > MAX_MESSAGE:
            raise ValueError("message too large")
        return json.loads(self.rfile.read(length).decode("utf-8"))

    def handle(self):
        try:
            job = self._read_message()
        except (ValueError, UnicodeDecodeError) as exc:
            log.warning("bad message: %s", exc)
            return
        if not isinstance(job, dict):
            return
        result = self.server.dispatch(job)
        payload = json.dumps(result).encode("utf-8")
        self.wfile.write(struct.pack("!I", len(payload)) + payload)


class JobServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True

    def __init__(self, addr, handlers):
        super().__init__(addr, JobHandler)
        self.handlers = handlers

    def dispatch(self, job):
        fn = self.handlers.get(job.get("type"))
        if fn is None:
            return {"ok": False, "error": "unknown job type"}
        args = job.get("args") if isinstance(job.get("args"), dict) else {}
        return {"ok": True, "result": fn(**args)}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    with JobServer(("127.0.0.1", 9400), {"echo": lambda text="": text}) as srv:
        srv.serve_forever()
