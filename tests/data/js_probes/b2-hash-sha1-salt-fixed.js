// probe: {"label": "secure", "cwes": ["CWE-916"], "batch": 2}
const crypto = require("crypto");
const { promisify } = require("util");

const pbkdf2 = promisify(crypto.pbkdf2);

class PasswordStore {
  constructor(repo) {
    this.repo = repo;
  }

  async setPassword(userId, plain) {
    const salt = crypto.randomBytes(16);
    const key = await pbkdf2(plain, salt, 600000, 32, "sha256");
    await this.repo.update(userId, { salt: salt.toString("hex"), key: key.toString("hex") });
  }

  async check(userId, plain) {
    const row = await this.repo.get(userId);
    const key = await pbkdf2(plain, Buffer.from(row.salt, "hex"), 600000, 32, "sha256");
    return crypto.timingSafeEqual(key, Buffer.from(row.key, "hex"));
  }
}

module.exports = PasswordStore;
