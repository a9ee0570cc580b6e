const crypto = require("crypto");
const sum = (data) => crypto.createHash("sha256").update(data).digest("hex");
