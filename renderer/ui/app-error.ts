/**
 * The renderer's one way to turn anything caught into an AppError for display: an
 * AppException or an AppError-shaped value keeps its fields, anything else becomes Internal.
 */
import { AppException, ErrorCode, isAppError, toAppError, type AppError } from '../../shared/errors';

export function asAppError(error: unknown): AppError {
  if (error instanceof AppException) return error.toJSON();
  if (isAppError(error)) return toAppError(error);
  return { code: ErrorCode.Internal, message: error instanceof Error ? error.message : String(error) };
}
