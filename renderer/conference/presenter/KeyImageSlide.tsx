import type { KeyImage } from '../../../shared/viewer/viewer-types.ts';
import { api } from '../../api.ts';
import { useLoad } from '../../app/use-load.ts';

interface Props {
  keyImage: KeyImage;
  index: number;
  count: number;
  caseTitle: string;
}

/** One key image as large as the screen allows, with its caption and where it comes from. */
export function KeyImageSlide({ keyImage, index, count, caseTitle }: Props) {
  const [png] = useLoad(() => api['viewer.keyImagePng']({ id: keyImage.id }), [keyImage.id]);
  const source = [keyImage.modality, keyImage.seriesDescription].filter(Boolean).join(' · ');
  return (
    <figure className="slide key-image-slide">
      <div className="key-image-frame">
        {png.state === 'ready' && png.value.dataUrl ? (
          <img src={png.value.dataUrl} alt={keyImage.caption || `Key image ${index + 1}`} />
        ) : (
          <p className="slide-note">
            {png.state === 'loading'
              ? 'Loading the image…'
              : png.state === 'error'
                ? png.message
                : 'This key image has no saved picture; open it in the live viewer.'}
          </p>
        )}
      </div>
      <figcaption>
        <span className="key-image-caption">{keyImage.caption || 'No caption'}</span>
        <span className="key-image-source">
          {caseTitle} · key image {index + 1} of {count}
          {source ? ` · ${source}` : ''}
        </span>
      </figcaption>
    </figure>
  );
}
