/** Handlers for the browse feature's channels: thin calls into the browse services. */
import type { AppContext } from '../../app-context';
import type * as contract from '../../../shared/contract/browse';
import type { HandlersFor } from '../handler-types';

/** Builds the browse feature's handlers over the shared context. */
export function createBrowseHandlers(ctx: AppContext): HandlersFor<typeof contract.requests> {
  const b = ctx.browse;
  return {
    'buckets:list': ({ profileId }) => b.buckets.list(profileId),
    'buckets:create': (input) => b.buckets.create(input),
    'buckets:delete': ({ profileId, bucket }) => b.buckets.delete(profileId, bucket),
    'buckets:info': ({ profileId, bucket }) => b.buckets.info(profileId, bucket),

    'objects:list': (input) => b.listing.listPage(input),
    'objects:count': ({ profileId, bucket, prefix, limit }) => b.listing.count(profileId, bucket, prefix, limit),
    'objects:search-start': (input) => ({ searchId: b.search.start(input) }),
    'objects:search-cancel': ({ searchId }) => b.search.cancel(searchId),

    'objects:create-folder': ({ profileId, bucket, key }) => b.metadata.createFolder(profileId, bucket, key),
    'objects:head': ({ profileId, bucket, key }) => b.metadata.details(profileId, bucket, key),
    'objects:set-acl': ({ profileId, bucket, key, acl }) => b.metadata.setAcl(profileId, bucket, key, acl),
    'objects:set-headers': ({ profileId, bucket, key, headers, meta }) => b.metadata.setHeaders(profileId, bucket, key, headers, meta),
    'objects:set-storage-class': ({ profileId, bucket, key, storageClass }) =>
      b.metadata.setStorageClass(profileId, bucket, key, storageClass),
    'objects:restore': ({ profileId, bucket, key, days, tier }) => b.metadata.restore(profileId, bucket, key, days, tier),
    'objects:symlink-create': ({ profileId, bucket, key, target }) => b.metadata.createSymlink(profileId, bucket, key, target),
    'objects:symlink-get': async ({ profileId, bucket, key }) => ({ target: await b.metadata.symlinkTarget(profileId, bucket, key) }),

    'objects:delete-start': ({ profileId, bucket, items }) => ({ operationId: b.operations.startDelete(profileId, bucket, items) }),
    'objects:copy-start': (input) => ({ operationId: b.operations.startCopy(input) }),
    'objects:copy-conflicts': (input) => b.operations.conflicts(input),
    'objects:rename-start': (input) => ({ operationId: b.operations.startRename(input) }),
    'objects:operation-cancel': ({ operationId }) => b.operations.cancel(operationId),

    'multipart:list': ({ profileId, bucket, keyMarker, uploadIdMarker }) => b.multipart.list(profileId, bucket, keyMarker, uploadIdMarker),
    'multipart:abort': ({ profileId, bucket, key, uploadId }) => b.multipart.abort(profileId, bucket, key, uploadId),

    'objects:preview-url': ({ profileId, bucket, key, expiresSeconds }) => b.preview.previewUrl(profileId, bucket, key, expiresSeconds),
    'objects:thumbnail-url': ({ profileId, bucket, key, size, objectSize }) => b.preview.thumbnailUrl(profileId, bucket, key, size, objectSize),
    'objects:read-text': ({ profileId, bucket, key, maxBytes }) => b.preview.readText(profileId, bucket, key, maxBytes),

    'bookmarks:list': ({ profileId }) => b.bookmarks.list(profileId),
    'bookmarks:add': ({ profileId, bucket, prefix, name }) => b.bookmarks.add(profileId, bucket, prefix, name),
    'bookmarks:remove': ({ profileId, bucket, prefix }) => b.bookmarks.remove(profileId, bucket, prefix),
  };
}
