import { useEffect, useRef, useState } from 'preact/hooks';
import type { InboxDocument } from '#shared/inbox';
import { CONNECTION_ERROR_CODES, toAgentError } from '../lib/errors';
import { ACCEPTED_FILES, describeDocument, refusalFor, summarizeDocuments } from '../lib/uploads';
import { useApi } from './api-context';
import { CheckIcon, UploadIcon } from './icons';

/** The agent registers what arrives within seconds: documents still pending are asked for again after this long… */
export const RECHECK_MS = 3000;
/** …a few times; after that the status view's own refresh keeps the figures current. */
const MAX_RECHECKS = 4;

/** Errors after which sending the next files is pointless: the agent is unreachable or does not accept us. */
const STOPPING_CODES: ReadonlySet<string> = new Set([...CONNECTION_ERROR_CODES, 'EXTENSION_UNAVAILABLE']);

interface FileResult {
  key: number;
  name: string;
  state: 'sending' | 'sent' | 'not-sent';
  /** Why it was not sent: refused here, or what the agent answered. */
  problem?: string;
  documents: InboxDocument[];
}

interface Props {
  /** The agent received documents: the figures of today and the lists changed. */
  onSent: () => void;
  /** Documents that were pending changed status (registered, or not). */
  onStatusChanged: () => void;
}

let nextKey = 0;

/** True when what is dragged holds files (not text or a link dragged from the page). */
export function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * "Subir facturas": XML or ZIP files dropped here or chosen with the button go to the agent's reception inbox,
 * the same path as the mailbox, and each document found is told back with what happened to it.
 */
export function UploadZone(props: Props) {
  const api = useApi();
  const latest = useRef(props);
  latest.current = props;
  const input = useRef<HTMLInputElement>(null);
  const dragDepth = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [over, setOver] = useState(false);
  const [sending, setSending] = useState<{ total: number; done: number }>();
  const [files, setFiles] = useState<FileResult[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => () => clearTimeout(timer.current), []);

  const follow = (ids: string[], round: number) => {
    if (ids.length === 0 || round > MAX_RECHECKS) return;
    timer.current = setTimeout(async () => {
      const fresh = await Promise.all(ids.map((id) => api.document(id).catch(() => undefined)));
      const byId = new Map(fresh.filter((d): d is InboxDocument => d !== undefined).map((d) => [d.id, d]));
      setFiles((current) => current.map((file) => ({ ...file, documents: file.documents.map((d) => byId.get(d.id) ?? d) })));
      if ([...byId.values()].some((d) => d.status !== 'pending')) latest.current.onStatusChanged();
      follow(
        ids.filter((id) => (byId.get(id)?.status ?? 'pending') === 'pending'),
        round + 1,
      );
    }, RECHECK_MS);
  };

  const send = async (chosen: File[]) => {
    if (sending || chosen.length === 0) return;
    clearTimeout(timer.current);
    setError(undefined);
    const results: FileResult[] = chosen.map((file) => {
      const problem = refusalFor(file);
      return { key: nextKey++, name: file.name, state: problem ? 'not-sent' : 'sending', ...(problem ? { problem } : {}), documents: [] };
    });
    setFiles(results);
    const queue = results.flatMap((result, index) => (result.state === 'sending' ? [index] : []));
    if (queue.length === 0) return;

    setSending({ total: queue.length, done: 0 });
    let stopped: string | undefined;
    for (const [done, index] of queue.entries()) {
      const result = results[index]!;
      if (stopped) {
        results[index] = { ...result, state: 'not-sent', problem: 'No se envió.' };
        continue;
      }
      try {
        const answer = await api.upload(chosen[index]!);
        results[index] = { ...result, state: 'sent', documents: answer.flatMap((file) => file.documents) };
      } catch (failure) {
        const agentError = toAgentError(failure);
        // One alert says why nothing more goes; each file only says that it was not sent.
        if (STOPPING_CODES.has(agentError.code)) stopped = agentError.message;
        results[index] = { ...result, state: 'not-sent', problem: stopped ? 'No se envió.' : `No se envió: ${agentError.message}` };
      }
      setFiles([...results]);
      setSending({ total: queue.length, done: done + 1 });
    }
    setFiles([...results]);
    setSending(undefined);
    if (stopped) setError(stopped);

    const documents = results.flatMap((result) => result.documents);
    if (documents.length > 0) {
      latest.current.onSent();
      follow(
        documents.filter((d) => d.status === 'pending').map((d) => d.id),
        1,
      );
    }
  };

  const onDragEnter = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    dragDepth.current++;
    setOver(true);
  };
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = sending ? 'none' : 'copy';
  };
  // Entering a child of the zone fires "leave" on the zone first: only the last leave ends the highlight.
  const onDragLeave = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) setOver(false);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    dragDepth.current = 0;
    setOver(false);
    void send(Array.from(event.dataTransfer?.files ?? []));
  };

  const documents = files.flatMap((file) => file.documents);
  const plural = (count: number) => (count === 1 ? '1 archivo' : `${count} archivos`);

  return (
    <section class="ag-card" aria-labelledby="ag-upload-title" data-testid="agente-upload">
      <h3 id="ag-upload-title" class="ag-card__title">
        Subir facturas
      </h3>
      <div
        class={`ag-drop${over ? ' ag-drop--over' : ''}${sending ? ' ag-drop--busy' : ''}`}
        data-testid="agente-drop-zone"
        onDragEnter={onDragEnter}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <span class="ag-drop__icon">
          <UploadIcon />
        </span>
        <p class="ag-drop__text">Arrastra aquí XML o ZIP de facturas electrónicas, o elige archivos</p>
        <button type="button" class="ag-button ag-button--small" disabled={sending !== undefined} onClick={() => input.current?.click()} aria-describedby="ag-upload-hint">
          Elegir archivos
        </button>
        {/* The real picker, behind the button: keyboard and screen-reader users reach it through the button. */}
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPTED_FILES}
          class="ag-visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="agente-upload-input"
          onChange={(event) => {
            const picker = event.currentTarget;
            const chosen = Array.from(picker.files ?? []);
            picker.value = ''; // choosing the same file again must fire "change" again
            void send(chosen);
          }}
        />
        <p id="ag-upload-hint" class="ag-drop__hint">
          Hasta 25 MB por archivo. Siguen las mismas reglas que las facturas que llegan por correo.
        </p>
      </div>

      <p class="ag-upload-status" role="status" data-testid="agente-upload-status">
        {sending
          ? `Enviando ${plural(sending.total)}…${sending.total > 1 ? ` (${sending.done} de ${sending.total})` : ''}`
          : summarizeDocuments(documents)}
      </p>
      {error && (
        <p class="ag-alert ag-alert--error" role="alert" data-testid="agente-upload-error">
          {error}
        </p>
      )}
      {files.length > 0 && (
        <>
          <ul class="ag-upload-files" data-testid="agente-upload-results">
            {files.map((file) => (
              <li key={file.key} class="ag-upload-file" data-testid="agente-upload-file">
                <div class="ag-upload-file__name">{file.name}</div>
                {file.state === 'sending' && <p class="ag-outcome ag-outcome--progress">Enviando…</p>}
                {file.problem && <p class="ag-outcome ag-outcome--error">{file.problem}</p>}
                {file.documents.length > 0 && (
                  <ul class="ag-upload-docs">
                    {file.documents.map((document) => {
                      const outcome = describeDocument(document);
                      return (
                        <li key={document.id} class="ag-upload-doc" data-testid="agente-upload-document" data-status={document.status}>
                          {(outcome.title || outcome.supplier) && (
                            <div class="ag-upload-doc__title">
                              {outcome.title && <strong>{outcome.title}</strong>}
                              {outcome.title && outcome.supplier && ' · '}
                              {outcome.supplier}
                            </div>
                          )}
                          <p class={`ag-outcome ag-outcome--${outcome.tone}`}>
                            {outcome.tone === 'ok' && <CheckIcon />}
                            {outcome.text}
                          </p>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {!sending && (
            <button type="button" class="ag-link-button ag-small" onClick={() => {
                setFiles([]);
                setError(undefined);
              }}
            >
              Ocultar resultados
            </button>
          )}
        </>
      )}
    </section>
  );
}
