/**
 * OIDC token files the user chose in a native dialog run by main (issue 10, finding 1). The
 * page gets an opaque id and the file name, never the path, and cannot make main read a file
 * the user did not pick: an unknown id is refused without touching the disk. A chosen file
 * larger than a token could be is refused at once.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CredentialError } from './types';

/** OIDC tokens are JWTs of a few kilobytes; a bigger file is not one. */
export const MAX_TOKEN_FILE_BYTES = 64 * 1024;

const TOO_LARGE_HINT = 'Choose the token file the cluster mounts for this pod (a JWT of a few kilobytes).';
const UNKNOWN_HINT = 'Choose the token file again with "Choose token file…".';

export class TokenFileRegistry {
  private readonly chosen = new Map<string, { path: string; name: string }>();

  /** Remembers a path the user chose in a native dialog; returns its opaque id and file name. */
  async remember(path: string): Promise<{ id: string; name: string }> {
    const info = await stat(path);
    if (!info.isFile()) throw new CredentialError('OidcTokenFileUnreadable', 'The chosen item is not a file.', UNKNOWN_HINT);
    if (info.size > MAX_TOKEN_FILE_BYTES) {
      throw new CredentialError('OidcTokenFileTooLarge', `The chosen file is ${info.size} bytes; an OIDC token file is at most ${MAX_TOKEN_FILE_BYTES}.`, TOO_LARGE_HINT);
    }
    const entry = { path, name: basename(path) };
    const id = `tf-${randomUUID()}`;
    this.chosen.set(id, entry);
    return { id, name: entry.name };
  }

  /** The path and name behind an id; throws (without touching the disk) for an id main never gave. */
  resolve(id: string): { path: string; name: string } {
    const entry = this.chosen.get(id);
    if (!entry) throw new CredentialError('OidcTokenFileNotChosen', 'The token file was not chosen in this session.', UNKNOWN_HINT);
    return entry;
  }
}
