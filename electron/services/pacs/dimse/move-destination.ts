import dimse from 'dcmjs-dimse';
import type { InstanceSink } from '../archive.ts';
import { archiveError } from '../archive-error.ts';
import { storeHooks } from './store-streams.ts';

const { Scp, Server } = dimse;
const { CStoreResponse, CEchoResponse } = dimse.responses;
const { Status, PresentationContextResult, RejectResult, RejectSource, RejectReason } = dimse.constants;

type Association = InstanceType<typeof dimse.association.Association>;
type CStoreRequest = InstanceType<typeof dimse.requests.CStoreRequest>;

/** One C-MOVE destination per port at a time: two retrieves cannot share a listening socket. */
const busyPorts = new Map<number, Promise<void>>();

/**
 * The app's storage SCP for C-MOVE, open only while `run` performs the moves: it accepts the
 * archive's association (called AE = the app's AE title), takes each image in the transfer syntax
 * the archive proposes first (its stored one, so nothing is recompressed) and streams it to the sink.
 */
export async function receiveMoves(
  port: number,
  localAet: string,
  sink: InstanceSink,
  run: () => Promise<void>,
): Promise<void> {
  while (busyPorts.has(port)) await busyPorts.get(port)!.catch(() => undefined);
  const work = serve(port, localAet, sink, run);
  busyPorts.set(port, work);
  try {
    await work;
  } finally {
    busyPorts.delete(port);
  }
}

async function serve(
  port: number,
  localAet: string,
  sink: InstanceSink,
  run: () => Promise<void>,
): Promise<void> {
  const failed = new WeakSet<object>();
  const hooks = storeHooks(sink, failed);
  class MoveDestination extends Scp {
    override associationRequested(association: Association): void {
      if (association.getCalledAeTitle().trim() !== localAet) {
        this.sendAssociationReject(
          RejectResult.Permanent,
          RejectSource.ServiceUser,
          RejectReason.CalledAeNotRecognized,
        );
        return;
      }
      for (const { id } of association.getPresentationContexts()) {
        const context = association.getPresentationContext(id);
        const proposed = context.getTransferSyntaxUids();
        context.setResult(PresentationContextResult.Accept, proposed[0]);
      }
      this.sendAssociationAccept();
    }
    override createStoreWritableStream(...args: Parameters<typeof hooks.createStoreWritableStream>) {
      return hooks.createStoreWritableStream(...args);
    }
    override createDatasetFromStoreWritableStream(
      ...args: Parameters<typeof hooks.createDatasetFromStoreWritableStream>
    ): void {
      hooks.createDatasetFromStoreWritableStream(...args);
    }
    override cStoreRequest(
      request: CStoreRequest,
      callback: (r: InstanceType<typeof CStoreResponse>) => void,
    ) {
      const response = CStoreResponse.fromRequest(request);
      response.setStatus(failed.has(request) ? 0xa700 : Status.Success);
      callback(response);
    }
    override cEchoRequest(request: never, callback: (r: InstanceType<typeof CEchoResponse>) => void) {
      const response = CEchoResponse.fromRequest(request);
      response.setStatus(Status.Success);
      callback(response);
    }
    override associationReleaseRequested(): void {
      this.sendAssociationReleaseResponse();
    }
  }
  const server = new Server(MoveDestination);
  let listenError: unknown = null;
  server.on('networkError', (e: unknown) => (listenError = e));
  server.listen(port);
  await new Promise((r) => setImmediate(r));
  try {
    if (listenError)
      throw archiveError(
        `This app cannot receive images on port ${port} (${listenError instanceof Error ? listenError.message : 'port in use'}). Choose another store port.`,
      );
    await run();
  } finally {
    server.close();
  }
}
