# probe: {"label": "secure", "cwes": ["CWE-502"]}
import json
import socketserver


class JobHandler(socketserver.StreamRequestHandler):
    def handle(self):
        size = int.from_bytes(self.rfile.read(4), "big")
        job = json.loads(self.rfile.read(min(size, 65536)))
        self.wfile.write(f"queued {job.get('name')}\n".encode())


if __name__ == "__main__":
    with socketserver.TCPServer(("127.0.0.1", 9009), JobHandler) as server:
        server.serve_forever()
