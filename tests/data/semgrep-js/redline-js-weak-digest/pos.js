const crypto = require("crypto");
const sum = (data) => crypto.createHash("md5").update(data).digest("hex");
const sig = (data) => crypto.createHash("sha1").update(data).digest("hex");
