import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The lowest port the kernel hands out to outgoing connections (Linux; 32768 is its default elsewhere). */
function ephemeralStart(): number {
  try {
    const first = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(first) && first > 21_000 ? first : 32_768;
  } catch {
    return 32_768;
  }
}

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/**
 * A base port whose next `count` ports are free now, for a graph the benchmarks start. Chosen below the
 * kernel's range for outgoing connections: a port from that range, free when checked, can be taken by a
 * client socket (a database pool, say) before a slow-starting graph listens on it, which failed a national
 * benchmark with EADDRINUSE.
 */
export async function freePortBase(count: number, host = '127.0.0.1'): Promise<number> {
  const top = ephemeralStart() - count;
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * (top - 20_000));
    let allFree = true;
    for (let port = base; port < base + count && allFree; port++) allFree = await isFree(port, host);
    if (allFree) return base;
  }
  throw new Error('no free range of ports found');
}
