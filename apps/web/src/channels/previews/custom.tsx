import { BodyJson } from '../../components/preview/rich-text.tsx';
import type { ChannelPreviewProps } from '../types.ts';

/** A custom webhook gets exactly the JSON its template makes: the preview is that JSON. */
export function CustomBodyPreview({ body }: ChannelPreviewProps) {
  return <BodyJson body={body} />;
}
