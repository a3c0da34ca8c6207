// A further serving thread of `painwise serve` (see main.ts): the same app on the same port, no jobs,
// no migrations. It tells the primary when it listens, and closes when the primary says so.
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../app/config.ts';
import { prepareServerThread } from './main.ts';

interface ThreadData {
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
  readonly port: number;
  readonly writeLockBuffer?: SharedArrayBuffer;
  readonly metricsChannel?: string;
  readonly profileChangesBuffer?: SharedArrayBuffer;
}

const data = workerData as ThreadData;
try {
  const prepared = await prepareServerThread(loadConfig(data.env, data.cwd), {
    primary: false,
    ...(data.writeLockBuffer ? { writeLockBuffer: data.writeLockBuffer } : {}),
    ...(data.metricsChannel ? { metricsChannel: data.metricsChannel } : {}),
    ...(data.profileChangesBuffer ? { profileChangesBuffer: data.profileChangesBuffer } : {}),
  });
  const server = await prepared.listen(data.port);
  parentPort!.on('message', (message) => {
    if (message === 'close') void server.close().then(() => process.exit(0));
  });
  parentPort!.postMessage({ ready: true });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
