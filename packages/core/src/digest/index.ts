export { buildDigestMessage, digestSample } from './build-digest.ts';
export { DIGESTS } from './digests.ts';
export { DIGEST_TYPES, type DigestType, hasDigest } from './has-digest.ts';
export { type DigestInput, renderDigest } from './render-digest.ts';
export { type DigestSplit, splitDigest } from './split-digest.ts';
export type { DigestDefinition, DigestPart, DigestSummary } from './types.ts';
