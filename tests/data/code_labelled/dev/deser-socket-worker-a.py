# redline-label: {"label": "vulnerable", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "class"}
import logging
import pickle
import socketserver
import struct

log = logging.getLogger("jobs")


class JobHandler(socketserver.StreamRequestHandler):
    """Receives length-prefixed job objects from the web tier and runs them."""

    def handle(self):
        header = self.rfile.read(4)
        if len(header) < 4:
            return
        (length,) = struct.unpack("!I", header)
        job = pickle.loads(self.rfile.read(length))
        log.info("received job %s", job.get("id"))
        result = self.server.dispatch(job)
        payload = pickle.dumps(result)
        self.wfile.write(struct.pack("!I", len(payload)) + payload)


class JobServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True

    def __init__(self, addr, handlers):
        super().__init__(addr, JobHandler)
        self.handlers = handlers

    def dispatch(self, job):
        fn = self.handlers.get(job["type"])
        if fn is None:
            return {"ok": False, "error": "unknown job type"}
        return {"ok": True, "result": fn(**job.get("args", {}))}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    with JobServer(("0.0.0.0", 9400), {"echo": lambda text="": text}) as srv:
        srv.serve_forever()
