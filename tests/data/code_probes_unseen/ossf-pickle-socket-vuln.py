# probe: {"label": "vulnerable", "cwes": ["CWE-502"]}
import pickle
import socketserver


class JobHandler(socketserver.StreamRequestHandler):
    def handle(self):
        size = int.from_bytes(self.rfile.read(4), "big")
        job = pickle.loads(self.rfile.read(size))
        self.wfile.write(f"queued {job.get('name')}\n".encode())


if __name__ == "__main__":
    with socketserver.TCPServer(("127.0.0.1", 9009), JobHandler) as server:
        server.serve_forever()
