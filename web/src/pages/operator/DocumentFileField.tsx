import { sha256Hex } from './sha256';

/** Picks a supporting document from disk and hands back its name and the SHA-256 of its bytes. */
export function DocumentFileField({ onDigest }: { onDigest: (name: string, sha256: string) => void }) {
  return (
    <div className="field">
      <label htmlFor="field-document-file">Document file (hashed here, never uploaded)</label>
      <input
        id="field-document-file"
        type="file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file === undefined) return;
          void file
            .arrayBuffer()
            .then(sha256Hex)
            .then((digest) => {
              onDigest(file.name, digest);
            });
        }}
      />
    </div>
  );
}
