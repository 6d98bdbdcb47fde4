import type { BundleKeyImage } from '../../shared/second-opinion/bundle-documents.ts';

/** Key images that came in a bundle: their picture and caption (the images stay read-only). */
export function KeyImageStrip({ images, label }: { images: readonly BundleKeyImage[]; label: string }) {
  if (!images.length) return <p className="muted">No key images.</p>;
  return (
    <ul className="bundle-key-images" aria-label={label}>
      {images.map((k, i) => (
        <li key={i}>
          {k.png ? (
            <img src={k.png} alt={k.caption || `Key image ${i + 1}`} />
          ) : (
            <div className="no-picture">No picture</div>
          )}
          <span>{k.caption || `Key image ${i + 1}`}</span>
        </li>
      ))}
    </ul>
  );
}
