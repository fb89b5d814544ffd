"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { getErrorMessage } from "@/app/_lib/errors";
import { api } from "@/app/_trpc/client";
import { checkBeforeUpload } from "@/app/_lib/upload/checks";
import { postToStorage, type UploadTarget } from "@/app/_lib/upload/post-to-storage";
import { failureMessage, nextStep, RETRY_DELAYS_MS, type UploadFailure } from "@/app/_lib/upload/retry";

type UploadStatus = "queued" | "uploading" | "retrying" | "finalizing" | "done" | "failed" | "cancelled";

export interface UploadItem {
  id: string;
  name: string;
  size: number;
  status: UploadStatus;
  progress: number;
  message?: string;
  recordingId?: string;
}

export interface UploadSource {
  blob: Blob;
  name: string;
  type: string;
  title?: string;
}

const CONCURRENCY = 3;
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new DOMException("Upload cancelled", "AbortError"));
    });
  });

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

/** Uploads files straight to storage, a few at a time, each with progress, retries and cancel. */
export function useUploadQueue(maxBytes: number) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const sources = useRef(new Map<string, UploadSource>());
  const controllers = useRef(new Map<string, AbortController>());
  const started = useRef(new Set<string>());
  const utils = api.useUtils();
  const createUpload = api.recording.createUpload.useMutation();
  const confirmUpload = api.recording.confirmUpload.useMutation();
  const deleteRecording = api.recording.delete.useMutation();

  const update = useCallback((id: string, patch: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...patch } : item)));
  }, []);

  const run = useCallback(
    async (id: string) => {
      const source = sources.current.get(id)!;
      const controller = new AbortController();
      controllers.current.set(id, controller);
      const { signal } = controller;
      const newPolicy = () =>
        createUpload.mutateAsync({ fileName: source.name, contentType: source.type, sizeBytes: source.blob.size, title: source.title });
      let created: Awaited<ReturnType<typeof newPolicy>> | undefined;
      try {
        update(id, { status: "uploading", progress: 0 });
        created = await newPolicy();
        let target: UploadTarget = created.upload;
        let renewals = 0;
        for (let attempt = 1; ; attempt += 1) {
          signal.throwIfAborted();
          try {
            await postToStorage(target, source.blob, (progress) => update(id, { progress }), signal);
            break;
          } catch (error) {
            if (isAbort(error)) throw error;
            const failure = error as UploadFailure;
            const step = nextStep(failure, attempt, renewals);
            if (step === "give-up") throw new Error(failureMessage(failure));
            if (step === "new-policy") {
              renewals += 1;
              const expired = created.recordingId;
              created = await newPolicy();
              await deleteRecording.mutateAsync({ recordingId: expired }).catch(() => {});
              target = created.upload;
            } else {
              update(id, { status: "retrying", message: `Connection trouble, retrying (attempt ${attempt + 1})…` });
              await sleep(RETRY_DELAYS_MS[attempt] ?? 0, signal);
              update(id, { status: "uploading", message: undefined, progress: 0 });
            }
          }
        }
        update(id, { status: "finalizing", progress: 1, recordingId: created.recordingId });
        const recording = await confirmUpload.mutateAsync({ recordingId: created.recordingId });
        if (recording.status === "READY") update(id, { status: "done", message: undefined });
        else update(id, { status: "failed", message: `Upload failed: ${recording.failureReason ?? "the file was not accepted."}` });
      } catch (error) {
        if (isAbort(error)) {
          update(id, { status: "cancelled", message: "Cancelled." });
          // The reserved recording goes at once rather than waiting for the sweeper.
          if (created) await deleteRecording.mutateAsync({ recordingId: created.recordingId }).catch(() => {});
        } else update(id, { status: "failed", message: getErrorMessage(error, "The upload failed. Try again.") });
      } finally {
        controllers.current.delete(id);
        sources.current.delete(id);
        void utils.recording.list.invalidate();
        void utils.recording.usage.invalidate();
      }
    },
    [confirmUpload, createUpload, deleteRecording, update, utils],
  );

  useEffect(() => {
    const running = items.filter((item) => ["uploading", "retrying", "finalizing"].includes(item.status)).length;
    const next = items.filter((item) => item.status === "queued" && !started.current.has(item.id));
    for (const item of next.slice(0, Math.max(0, CONCURRENCY - running))) {
      started.current.add(item.id);
      void run(item.id);
    }
  }, [items, run]);

  const add = useCallback(
    (files: UploadSource[]) => {
      const added = files.map((source): UploadItem => {
        const id = crypto.randomUUID();
        const check = checkBeforeUpload({ name: source.name, type: source.type, size: source.blob.size }, maxBytes);
        if (!check.ok) return { id, name: source.name, size: source.blob.size, status: "failed", progress: 0, message: check.message };
        sources.current.set(id, { ...source, type: check.contentType });
        return { id, name: source.name, size: source.blob.size, status: "queued", progress: 0 };
      });
      setItems((current) => [...added, ...current]);
    },
    [maxBytes],
  );

  const cancel = useCallback(
    (id: string) => {
      const controller = controllers.current.get(id);
      if (controller) controller.abort();
      else update(id, { status: "cancelled", message: "Cancelled." });
      sources.current.delete(id);
    },
    [update],
  );

  return { items, add, cancel };
}
