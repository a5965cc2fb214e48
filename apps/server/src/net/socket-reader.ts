import type { Duplex } from 'node:stream';

/**
 * Reads a proxy handshake answer in paused mode and puts back anything after it, so the
 * socket is handed to TLS/undici with no byte lost. `take` returns how many buffered bytes
 * form the answer, or -1 while more are needed.
 */
function readWith(socket: Duplex, take: (buffered: Buffer) => number, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let buffered: Buffer = Buffer.alloc(0);
    const cleanup = () => {
      socket.off('readable', onReadable);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      socket.off('error', onError);
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onEnd = () => {
      cleanup();
      reject(Object.assign(new Error('the proxy closed the connection during the handshake'), { code: 'ECONNRESET' }));
    };
    function onReadable() {
      for (let chunk = socket.read() as Buffer | null; chunk !== null; chunk = socket.read() as Buffer | null) {
        buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
        const n = take(buffered);
        if (n >= 0) {
          cleanup();
          if (n < buffered.length) socket.unshift(buffered.subarray(n));
          resolve(buffered.subarray(0, n));
          return;
        }
        if (buffered.length > maxBytes) {
          cleanup();
          reject(new Error(`the proxy's handshake answer is longer than ${maxBytes} bytes`));
          return;
        }
      }
    }
    socket.on('readable', onReadable);
    socket.once('end', onEnd);
    socket.once('close', onEnd);
    socket.once('error', onError);
  });
}

/** Up to and including `delimiter`. */
export function readUntil(socket: Duplex, delimiter: string, maxBytes: number): Promise<Buffer> {
  return readWith(
    socket,
    (b) => {
      const at = b.indexOf(delimiter);
      return at < 0 ? -1 : at + delimiter.length;
    },
    maxBytes,
  );
}
