/**
 * Builds the browse feature's services from what main provides: OSS clients, a way to
 * push events, error description for events, and the user data folder for bookmarks.
 */
import { AppException, type AppError } from '../../../shared/errors';
import type { OperationProgress, SearchProgress } from '../../../shared/object-types';
import type { ClientProvider } from '../oss/client-provider';
import { BookmarkStore } from './bookmark-store';
import { BucketService, type RegionClientFactory } from './bucket-service';
import { MultipartUploads } from '../oss/multipart-uploads';
import { ObjectCopier, type ObjectCopierOptions } from './object-copy';
import { ObjectDeleter } from './object-delete';
import { ObjectListing } from './object-listing';
import { ObjectMetadata } from './object-metadata';
import { ObjectOperations } from './object-operations';
import { createOperationRunner } from './operation-runner';
import type { PreviewLinks } from '../oss/preview-links';
import { PreviewService, type PreviewServiceOptions } from './preview-service';
import { RecursiveSearch } from './recursive-search';

export interface BrowseDeps {
  clients: ClientProvider;
  /** Folder for bookmarks.json (the user data folder). */
  dataDir: string;
  emitSearch: (progress: SearchProgress) => void;
  emitOperation: (progress: OperationProgress) => void;
  describeError: (error: unknown) => AppError;
  clientForRegion?: RegionClientFactory;
  copy?: ObjectCopierOptions;
  preview?: PreviewServiceOptions;
  /** Local preview links (main's loopback preview server); without it previews are refused, never presigned. */
  previewLinks?: PreviewLinks;
  progressIntervalMs?: number;
}

const noPreviewLinks: PreviewLinks = {
  link: () => Promise.reject(new AppException({ code: 'PreviewUnavailable', message: 'Previews are not available.' })),
};

/** Everything the browse IPC handlers call. */
export interface BrowseServices {
  buckets: BucketService;
  listing: ObjectListing;
  search: RecursiveSearch;
  operations: ObjectOperations;
  metadata: ObjectMetadata;
  multipart: MultipartUploads;
  preview: PreviewService;
  bookmarks: BookmarkStore;
  /** Stops running operations and searches (app shutdown). */
  dispose(): void;
}

export function createBrowseServices(deps: BrowseDeps): BrowseServices {
  const listing = new ObjectListing(deps.clients);
  const runner = createOperationRunner({ emit: deps.emitOperation, describeError: deps.describeError, intervalMs: deps.progressIntervalMs });
  const search = new RecursiveSearch(listing, { emit: deps.emitSearch, describeError: deps.describeError });
  return {
    buckets: new BucketService(deps.clients, deps.clientForRegion),
    listing,
    search,
    operations: new ObjectOperations(runner, new ObjectDeleter(deps.clients, listing), new ObjectCopier(deps.clients, listing, deps.copy)),
    metadata: new ObjectMetadata(deps.clients, deps.copy),
    multipart: new MultipartUploads(deps.clients),
    preview: new PreviewService(deps.clients, deps.previewLinks ?? noPreviewLinks, deps.preview),
    bookmarks: new BookmarkStore(deps.dataDir),
    dispose: () => {
      runner.cancelAll();
      search.cancelAll();
    },
  };
}
