// PostGraphile 5 (amber preset) over DATABASE_URL, one process per core, as bench/load_test.py starts it.
// Node 20 lacks Promise.withResolvers, which PostGraphile 5 uses: a small polyfill comes first.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";

if (!Promise.withResolvers) {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

const port = Number(process.env.PORT || 5678);
const workers = Number(process.env.WORKERS || availableParallelism());

if (cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => console.error(`worker ${worker.process.pid} exited (${code})`));
} else {
  const { postgraphile } = await import("postgraphile");
  const { PostGraphileAmberPreset } = await import("postgraphile/presets/amber");
  const { makePgService } = await import("postgraphile/adaptors/pg");
  const { grafserv } = await import("postgraphile/grafserv/node");
  const preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [
      makePgService({
        connectionString: process.env.DATABASE_URL,
        schemas: ["public"],
        poolConfig: { max: Number(process.env.POOL_SIZE || 10) },
      }),
    ],
    grafserv: { port, graphqlPath: "/graphql", graphiql: false },
    grafast: { explain: false },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  server.keepAliveTimeout = 30000;
  serv.addTo(server).catch((e) => {
    console.error(e);
    process.exit(1);
  });
  server.listen(port, "127.0.0.1");
}
