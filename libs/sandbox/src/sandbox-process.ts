import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Which layers of isolation this machine gives the sandbox process (decision 0021). */
export interface SandboxLayers {
  /** Node's permission model: no file system, child processes, workers or addons. */
  permissionModel: string;
  /** `unshare --user --net`: the process has its own, empty network namespace. */
  networkNamespace: boolean;
  /** `prlimit --as`: the process's address space is capped (covers ArrayBuffers too). */
  addressSpaceLimit: boolean;
}

/** Address space Node itself needs before any page or filter (measured: ~800 MB on Node 20). */
const NODE_BASE_ADDRESS_SPACE_MB = 1024;

function findExecutable(name: string): string | null {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/bin', '/bin', '/usr/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

interface Wrappers {
  unshare: string | null;
  prlimit: string | null;
  permissionFlag: string;
}

let wrappers: Wrappers | undefined;

/** Probes once per process which wrappers work here (a container may forbid namespaces). */
function detectWrappers(): Wrappers {
  if (wrappers) return wrappers;
  const works = (command: string | null, args: string[]) =>
    command !== null &&
    spawnSync(command, [...args, process.execPath, '-e', '0'], { env: {}, timeout: 10_000 }).status === 0;
  const unshare = findExecutable('unshare');
  const prlimit = findExecutable('prlimit');
  wrappers = {
    unshare: works(unshare, ['--user', '--map-root-user', '--net']) ? unshare : null,
    prlimit: works(prlimit, [`--as=${(NODE_BASE_ADDRESS_SPACE_MB + 256) * 1024 * 1024}`]) ? prlimit : null,
    permissionFlag: process.allowedNodeEnvironmentFlags.has('--permission')
      ? '--permission'
      : '--experimental-permission',
  };
  return wrappers;
}

export function sandboxLayers(): SandboxLayers {
  const found = detectWrappers();
  return {
    permissionModel: found.permissionFlag,
    networkNamespace: found.unshare !== null,
    addressSpaceLimit: found.prlimit !== null,
  };
}

let runnerSource: string | undefined;

/** The command line of one sandbox process: wrappers, then Node with every restriction on. */
export function sandboxCommand(memoryMb: number): { command: string; args: string[] } {
  const found = detectWrappers();
  runnerSource ??= readFileSync(join(__dirname, 'filter-runner.js'), 'utf8');
  const node = [
    process.execPath,
    found.permissionFlag,
    '--experimental-vm-modules',
    '--disallow-code-generation-from-strings',
    '--no-addons',
    '--no-warnings',
    '--v8-pool-size=1',
    '--jitless',
    `--max-old-space-size=${memoryMb}`,
    '-e',
    runnerSource,
  ];
  const prefix: string[] = [];
  if (found.unshare) prefix.push(found.unshare, '--user', '--map-root-user', '--net');
  if (found.prlimit)
    prefix.push(found.prlimit, `--as=${(NODE_BASE_ADDRESS_SPACE_MB + memoryMb) * 1024 * 1024}`);
  const all = [...prefix, ...node];
  return { command: all[0] as string, args: all.slice(1) };
}
