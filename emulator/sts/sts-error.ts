/** An STS error, rendered as STS's JSON `{RequestId, HostId, Code, Message, Recommend}`. */
export class StsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StsError';
  }
}
