// probe: {"label": "vulnerable", "cwes": ["CWE-89"], "batch": 1}
const fastify = require("fastify")({ logger: true });
const { Pool } = require("pg");

const db = new Pool({ connectionString: process.env.DATABASE_URL });

fastify.get("/products/search", async (request, reply) => {
  const term = request.query.term || "";
  const sort = request.query.sort || "name";
  const result = await db.query(
    "SELECT id, name, price FROM products WHERE name ILIKE '%" + term + "%' ORDER BY " + sort
  );
  return { items: result.rows };
});

fastify.listen({ port: 3000 });
