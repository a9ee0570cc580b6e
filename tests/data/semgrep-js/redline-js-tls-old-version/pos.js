const tls = require("tls");

const server = tls.createServer({ key: process.env.KEY, cert: process.env.CERT, minVersion: "TLSv1" }, (socket) => {
  socket.end("hello\n");
});
server.listen(8443);
