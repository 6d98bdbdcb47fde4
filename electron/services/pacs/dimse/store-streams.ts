import dcmjs from 'dcmjs';
import dimse from 'dcmjs-dimse';
import { Writable } from 'node:stream';
import type { InstanceSink, InstanceWriter } from '../archive.ts';
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from '../send/implementation.ts';

type PresentationContext = InstanceType<typeof dimse.association.PresentationContext>;
type CStoreRequest = InstanceType<typeof dimse.requests.CStoreRequest>;

/** Preamble, "DICM" and the file meta group (PS3.10 7.1) for a dataset received over the network. */
export function part10Header(sopClassUid: string, sopInstanceUid: string, transferSyntaxUid: string): Buffer {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const dict = new DicomDict(
    DicomMetaDictionary.denaturalizeDataset({
      FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
      MediaStorageSOPClassUID: sopClassUid,
      MediaStorageSOPInstanceUID: sopInstanceUid,
      TransferSyntaxUID: transferSyntaxUid,
      ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
      ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
    }),
  );
  dict.dict = {};
  return Buffer.from(dict.write());
}

/** One incoming C-STORE dataset, streamed to the sink behind its Part 10 header, byte for byte. */
export class InstanceStream extends Writable {
  readonly writer: Promise<InstanceWriter>;

  constructor(sink: InstanceSink, header: Buffer) {
    super();
    this.writer = sink.open().then(async (w) => {
      await w.write(header);
      return w;
    });
    this.writer.catch(() => undefined);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.writer.then((w) => w.write(chunk)).then(() => callback(), callback);
  }
}

/**
 * The store hooks of a dcmjs-dimse network peer (Scp, or the Client's network for C-GET): received
 * datasets go to files as they arrive instead of into memory, keeping the archive's transfer syntax.
 */
export interface StoreHooks {
  createStoreWritableStream(context: PresentationContext, request: CStoreRequest): Writable;
  createDatasetFromStoreWritableStream(
    writable: Writable,
    context: PresentationContext,
    callback: (dataset: InstanceType<typeof dimse.Dataset>) => void,
  ): void;
}

/** `failed` collects the requests whose file could not be written (their C-STORE answer is a failure). */
export function storeHooks(sink: InstanceSink, failed: WeakSet<object>): StoreHooks {
  const requestOf = new WeakMap<Writable, CStoreRequest>();
  return {
    createStoreWritableStream(context, request) {
      const header = part10Header(
        request.getAffectedSopClassUid(),
        request.getAffectedSopInstanceUid(),
        context.getAcceptedTransferSyntaxUid() ?? '1.2.840.10008.1.2',
      );
      const stream = new InstanceStream(sink, header);
      requestOf.set(stream, request);
      return stream;
    },
    createDatasetFromStoreWritableStream(writable, context, callback) {
      const stream = writable as InstanceStream;
      const done = () => {
        stream.writer
          .then((w) => w.commit())
          .catch(() => {
            const request = requestOf.get(stream);
            if (request) failed.add(request);
          })
          .finally(() => callback(new dimse.Dataset({}, context.getAcceptedTransferSyntaxUid())));
      };
      if (stream.writableFinished) done();
      else stream.once('finish', done);
    },
  };
}
