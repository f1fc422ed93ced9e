import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

/**
 * The moto AWS emulator in server mode (`moto_server` from .venv, pinned in requirements-dev.txt),
 * for handler tests: started on a free port of 127.0.0.1 and stopped after the tests.
 */
export interface MotoServer {
  /** The URL to give the SDK as `endpoint`. */
  readonly endpoint: string;
  /** Stops the server and waits until it has exited. */
  stop(): Promise<void>;
}

const MOTO_SERVER = path.join(__dirname, '..', '..', '.venv', 'bin', 'moto_server');
const START_TIMEOUT_MS = 30_000;

/** Starts `moto_server` on a free port of 127.0.0.1 and waits until it accepts connections. */
export async function startMoto(): Promise<MotoServer> {
  if (!fs.existsSync(MOTO_SERVER)) {
    throw new Error(`${MOTO_SERVER} is missing: create the virtualenv with \`npx projen venv\` (requirements-dev.txt pins moto[server])`);
  }
  const port = await freePort();
  const child = spawn(MOTO_SERVER, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitForPort(port, exited);
  } catch (e) {
    await kill(child, exited);
    throw new Error(`moto_server did not start: ${(e as Error).message}\n${output}`);
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => kill(child, exited),
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, exited: Promise<number | null>): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let gone = false;
  void exited.then(() => { gone = true; });
  while (Date.now() < deadline) {
    if (gone) {
      throw new Error('the process exited');
    }
    if (await canConnect(port)) {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no connection on port ${port} within ${START_TIMEOUT_MS} ms`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function kill(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
