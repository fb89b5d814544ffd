import type { UploadFailure } from "./retry";

export interface UploadTarget {
  url: string;
  fields: Record<string, string>;
}

/**
 * POSTs the file straight to storage with XHR, which (unlike fetch) reports upload progress.
 * Resolves on success; rejects with an UploadFailure, or with an AbortError when cancelled.
 */
export function postToStorage(
  target: UploadTarget,
  file: Blob,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
    form.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", target.url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else reject({ kind: "http", status: xhr.status, body: xhr.responseText } satisfies UploadFailure);
    };
    xhr.onerror = () => reject({ kind: "network" } satisfies UploadFailure);
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    if (signal.aborted) return xhr.onabort(new ProgressEvent("abort"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
