'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { discardWorkingCopyAction, savePostAction, saveWorkingCopyAction, uploadImageAction } from '@/app/write/actions';
import { buttonClass } from '@/components/ui/button';
import { CheckboxField, FieldErrors, inputClass } from '@/components/ui/field';
import { StatusBadge } from '@/components/write/status-badge';
import type { TalkOption } from '@/db/conferences';
import { initialActionState, type ActionState } from '@/lib/action-state';
import { formatOffset } from '@/lib/dates';
import { readSaveOutcome, type ConflictInfo } from '@/lib/editor-protocol';
import { formatBytes, MAX_UPLOAD_BYTES } from '@/lib/image-type';
import { browserOffsetMinutes } from '@/lib/post-rules';
import { slugify } from '@/lib/slug';
import { CategoryInput } from './category-input';
import { ConferenceSelect, type ConferenceOption } from './conference-select';
import { DeleteRecap } from './delete-recap';
import { formatEdit, insertBlock, type Edit, type FormatKind } from './format';
import { clearLocalCopy, readLocalCopy, serializeDoc, writeLocalCopy, type EditorDoc, type LocalCopy } from './local-draft';
import { Preview } from './preview';
import { PublishDialog, type PublishChoice } from './publish-dialog';
import { TalkPicker } from './talk-picker';
import { Toolbar } from './toolbar';
import { useLeaveGuard } from './use-leave-guard';

export type EditorPostProps = {
  id: number;
  title: string;
  slug: string;
  body: string;
  bodyHtml: string;
  status: 'draft' | 'published';
  state: 'draft' | 'scheduled' | 'published';
  publishedAt: number | null;
  utcOffsetMinutes: number;
  commentsEnabled: boolean;
  conferenceId: number | null;
  categories: string[];
  talks: { talkId: number; note: string }[];
  version: number;
  /** When the server last stored this post or its working copy (ms): what the props are as of. */
  savedAt: number;
  revisionCount: number;
  authorName: string | null;
  isOwn: boolean;
};

/** A revision loaded into the editor as unsaved changes (restoring on a published post). */
export type LoadedRevision = { id: number; title: string; body: string; label: string };

/** The pending changes of a published post, kept on the server (db/posts.ts getWorkingCopy). */
export type WorkingCopyProps = { doc: EditorDoc; baseVersion: number };

type Intent = 'save' | 'publish' | 'unpublish' | 'copy';

type Phase = 'idle' | 'saving' | 'offline' | 'error' | 'conflict';

const AUTOSAVE_MS = 2000;
const LEAVE_WARNING = 'Your latest changes have not reached Hallway yet (this device keeps a copy). Leave the editor anyway?';
const DISCARD_QUESTION = 'Discard your changes? The editor goes back to the published text; readers never saw the changes.';
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

type PubState = {
  status: 'draft' | 'published';
  state: 'draft' | 'scheduled' | 'published';
  publishedAt: number | null;
  utcOffsetMinutes: number;
  slug: string;
  everPublished: boolean;
};

/**
 * What this tab last saved of each post. The router shows a page visited earlier (back, forward)
 * from its own cache, with the props the server rendered then: an editor opened that way would
 * start from text older than its own last save, so it starts from whichever is newer.
 */
const tabSaves = new Map<number, { at: number; doc: EditorDoc; stored: EditorDoc; version: number; pub: PubState }>();

/** A draft's slug follows its title ("qcon-london", or "qcon-london-2" when taken) until typed by hand. */
function slugLooksAutomatic(slug: string, title: string) {
  const base = slugify(title || 'untitled');
  return slug === base || new RegExp(`^${base}-\\d+$`).test(slug) || /^untitled(-\d+)?$/.test(slug);
}

export function Editor({
  post,
  conferences,
  talkOptions,
  categoryNames,
  siteHost,
  loadedRevision,
  workingCopy,
  notice,
}: {
  post: EditorPostProps;
  conferences: ConferenceOption[];
  talkOptions: TalkOption[];
  categoryNames: string[];
  siteHost: string;
  loadedRevision?: LoadedRevision | null;
  workingCopy?: WorkingCopyProps | null;
  notice?: string | null;
}) {
  const router = useRouter();
  const uid = useId();
  const bodyId = `${uid}-body`;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const everPublishedAtStart = post.publishedAt !== null || post.status === 'published';
  const serverDoc: EditorDoc = {
    title: post.title,
    slug: post.slug,
    slugAuto: everPublishedAtStart || slugLooksAutomatic(post.slug, post.title),
    body: post.body,
    commentsEnabled: post.commentsEnabled,
    conferenceId: post.conferenceId,
    categories: post.categories,
    talks: post.talks,
  };
  // A published post is edited as a working copy: `storedSerial` is the post as readers get it,
  // `savedSerial` what the server holds of this editor's text (the copy, when there is one).
  const [remembered] = useState(() => {
    const save = tabSaves.get(post.id);
    return save && save.at > post.savedAt ? save : null;
  });
  const startDoc = remembered?.doc ?? workingCopy?.doc ?? serverDoc;
  const startStored = remembered?.stored ?? serverDoc;
  const [doc, setDoc] = useState<EditorDoc>(() => (loadedRevision ? { ...startDoc, title: loadedRevision.title, body: loadedRevision.body } : startDoc));
  const [savedSerial, setSavedSerial] = useState(() => serializeDoc(startDoc));
  const [storedSerial, setStoredSerial] = useState(() => serializeDoc(startStored));
  const [copySavedAt, setCopySavedAt] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [pub, setPub] = useState<PubState>(
    () =>
      remembered?.pub ?? {
        status: post.status,
        state: post.state,
        publishedAt: post.publishedAt,
        utcOffsetMinutes: post.utcOffsetMinutes,
        slug: post.slug,
        everPublished: everPublishedAtStart,
      },
  );
  const [publishOpen, setPublishOpen] = useState(false);
  const [publishBusy, setPublishBusy] = useState(false);
  const [localOffer, setLocalOffer] = useState<LocalCopy | null>(null);
  const [confOptions, setConfOptions] = useState(conferences);
  const [talkOpts, setTalkOpts] = useState({ conferenceId: startDoc.conferenceId, talks: talkOptions, loading: false });
  const [view, setView] = useState<'write' | 'preview'>('write');
  const [upload, setUpload] = useState<{ state: 'idle' | 'busy' | 'error' | 'done'; text: string }>({ state: 'idle', text: '' });
  const [banner, setBanner] = useState<string | null>(notice ?? null);

  // Latest values for event listeners and the save queue, which outlive renders.
  const docRef = useRef(doc);
  const savedRef = useRef(savedSerial);
  const storedRef = useRef({ serial: storedSerial, doc: startStored });
  // A copy made from an older version meets the usual conflict rather than overwriting that version.
  const versionRef = useRef(remembered?.version ?? workingCopy?.baseVersion ?? post.version);
  const conflictRef = useRef<ConflictInfo | null>(null);
  const pubRef = useRef(pub);
  const phaseRef = useRef(phase);
  useLayoutEffect(() => {
    docRef.current = doc;
    pubRef.current = pub;
    phaseRef.current = phase;
  });

  const dirty = serializeDoc(doc) !== savedSerial;
  const isPublishedish = pub.status === 'published';
  /** Changes readers do not see yet (a published post's working copy, saved or not). */
  const pending = isPublishedish && serializeDoc(doc) !== storedSerial;
  const update = useCallback((patch: Partial<EditorDoc>) => {
    setDoc((d) => {
      const next = { ...d, ...patch };
      docRef.current = next;
      return next;
    });
  }, []);

  // ---------------------------------------------------------------- saving

  const buildForm = (d: EditorDoc, intent: Exclude<Intent, 'copy'>, choice?: PublishChoice) => {
    const fd = new FormData();
    fd.set('id', String(post.id));
    fd.set('version', String(versionRef.current));
    fd.set('intent', intent);
    fd.set('title', d.title);
    fd.set('slug', d.slug);
    if (d.slugAuto) fd.set('slugAuto', 'on');
    fd.set('body', d.body);
    if (d.commentsEnabled) fd.set('commentsEnabled', 'on');
    fd.set('conferenceId', d.conferenceId ? String(d.conferenceId) : '');
    for (const c of d.categories) fd.append('categories', c);
    fd.set('talks', JSON.stringify(d.talks));
    fd.set('utcOffset', choice?.utcOffset ?? formatOffset(browserOffsetMinutes()));
    if (choice) {
      fd.set('publishMode', choice.mode);
      fd.set('publishAt', choice.at);
    }
    return fd;
  };

  const perform = async (intent: Intent, choice?: PublishChoice): Promise<boolean> => {
    if ((intent === 'save' || intent === 'copy') && conflictRef.current) return false;
    const snapshot = docRef.current;
    const serial = serializeDoc(snapshot);
    if (intent === 'copy' && serial === savedRef.current) return true;
    if (intent === 'save' && serial === storedRef.current.serial) return true;
    // Before anything leaves the browser, the text is safe in it.
    writeLocalCopy(post.id, { doc: snapshot, baseVersion: versionRef.current, at: Date.now() });
    setPhase('saving');
    let state: ActionState;
    try {
      if (intent !== 'copy') {
        state = await savePostAction(initialActionState, buildForm(snapshot, intent, choice));
      } else if (serial === storedRef.current.serial) {
        // Typed back to the published text: no copy to keep.
        const fd = new FormData();
        fd.set('id', String(post.id));
        state = await discardWorkingCopyAction(initialActionState, fd);
      } else {
        state = await saveWorkingCopyAction(initialActionState, buildForm(snapshot, 'save'));
      }
    } catch {
      setPhase('offline');
      setMessage('Hallway could not be reached. Your text is kept on this device and saved as soon as the connection is back.');
      return false;
    }
    const outcome = readSaveOutcome(state);
    if (outcome.kind === 'copy-saved') {
      tabSaves.set(post.id, { at: outcome.updatedAt, doc: snapshot, stored: storedRef.current.doc, version: versionRef.current, pub: pubRef.current });
      savedRef.current = serial;
      setSavedSerial(serial);
      setCopySavedAt(clock.format(new Date()));
      setFieldErrors({});
      setMessage(null);
      setPhase('idle');
      if (serializeDoc(docRef.current) === serial) clearLocalCopy(post.id);
      return true;
    }
    if (outcome.kind === 'saved') {
      const s = outcome.saved;
      versionRef.current = s.version;
      savedRef.current = serial;
      storedRef.current = { serial, doc: snapshot };
      setSavedSerial(serial);
      setStoredSerial(serial);
      setSavedAt(clock.format(new Date()));
      const nextPub = { status: s.status, state: s.state, publishedAt: s.publishedAt, utcOffsetMinutes: s.utcOffsetMinutes, slug: s.slug, everPublished: s.publishedAt !== null || s.status === 'published' };
      setPub(nextPub);
      tabSaves.set(post.id, { at: s.updatedAt, doc: snapshot, stored: snapshot, version: s.version, pub: nextPub });
      setFieldErrors({});
      setMessage(outcome.message ?? null);
      setPhase('idle');
      if (serializeDoc(docRef.current) === serial) clearLocalCopy(post.id);
      return true;
    }
    if (outcome.kind === 'conflict') {
      conflictRef.current = outcome.theirs;
      setConflict(outcome.theirs);
      setPhase('conflict');
      setMessage(null);
      return false;
    }
    setFieldErrors(outcome.fieldErrors);
    setMessage(outcome.message);
    setPhase('error');
    return false;
  };

  // One save at a time, in order; repeated autosave requests collapse into one.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const autosaveQueued = useRef(false);
  const enqueue = (intent: Intent, choice?: PublishChoice): Promise<boolean> => {
    // Autosaves collapse; "Update" (a save of a published post) always runs.
    const collapsible = intent === 'copy' || (intent === 'save' && pubRef.current.status !== 'published');
    if (collapsible) {
      if (autosaveQueued.current) return chain.current.then(() => serializeDoc(docRef.current) === savedRef.current);
      autosaveQueued.current = true;
    }
    const run = chain.current.then(() => {
      if (collapsible) autosaveQueued.current = false;
      return perform(intent, choice);
    });
    chain.current = run.catch(() => false);
    return run;
  };
  const enqueueRef = useRef(enqueue);
  useLayoutEffect(() => {
    enqueueRef.current = enqueue;
  });

  /** A draft saves itself; a published post saves its working copy (readers see it only after "Update"). */
  const autosave = useCallback(() => enqueueRef.current(pubRef.current.status === 'published' ? 'copy' : 'save'), []);

  // Autosave a moment after typing stops.
  useEffect(() => {
    if (!dirty || conflict) return;
    const timer = setTimeout(autosave, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [doc, dirty, conflict, autosave]);

  // Unsaved text also goes to localStorage while typing (every post, drafts or not).
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => writeLocalCopy(post.id, { doc: docRef.current, baseVersion: versionRef.current, at: Date.now() }), 400);
    return () => clearTimeout(timer);
  }, [doc, dirty, post.id]);

  // Leaving the page (tab hidden, closed, navigated away in the app): keep a local copy, and save.
  useEffect(() => {
    const flush = () => {
      if (serializeDoc(docRef.current) === savedRef.current) return;
      writeLocalCopy(post.id, { doc: docRef.current, baseVersion: versionRef.current, at: Date.now() });
      if (!conflictRef.current) void autosave();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [post.id, autosave]);

  // A draft's pending autosave is flushed on the way out; a published post's text, or any text
  // whose save failed, is worth a question while it is on no server.
  useLeaveGuard(
    () =>
      serializeDoc(docRef.current) !== savedRef.current &&
      (pubRef.current.status === 'published' || !!conflictRef.current || phaseRef.current === 'offline' || phaseRef.current === 'error'),
    LEAVE_WARNING,
  );

  // Offline: try again when the browser says the network is back, and every 15 s.
  useEffect(() => {
    if (phase !== 'offline') return;
    const retry = () => void autosave();
    const timer = setInterval(retry, 15_000);
    window.addEventListener('online', retry);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', retry);
    };
  }, [phase, autosave]);

  // A copy left from an earlier visit whose save never arrived: offer it back.
  useEffect(() => {
    const local = readLocalCopy(post.id);
    if (!local) return;
    const serial = serializeDoc(local.doc);
    if (serial === savedRef.current || serial === serializeDoc(docRef.current)) {
      if (!loadedRevision) clearLocalCopy(post.id);
      return;
    }
    setLocalOffer(local);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [post.id]);

  // ---------------------------------------------------------------- text editing

  const applyEdit = (edit: Edit) => {
    const el = textarea.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(edit.from, edit.to);
    // insertText keeps the browser's undo history (Ctrl+Z undoes a toolbar action like typing).
    const done = typeof document.execCommand === 'function' && document.execCommand('insertText', false, edit.insert);
    if (!done) {
      const value = el.value.slice(0, edit.from) + edit.insert + el.value.slice(edit.to);
      update({ body: value });
    }
    requestAnimationFrame(() => el.setSelectionRange(edit.select.start, edit.select.end));
  };

  const format = (kind: FormatKind) => {
    const el = textarea.current;
    if (!el) return;
    applyEdit(formatEdit(kind, el.value, { start: el.selectionStart, end: el.selectionEnd }));
  };

  const uploadFile = async (file: File) => {
    if (file.size > MAX_UPLOAD_BYTES) {
      setUpload({ state: 'error', text: `“${file.name}” is ${formatBytes(file.size)}; images can be at most ${formatBytes(MAX_UPLOAD_BYTES)}.` });
      return;
    }
    setUpload({ state: 'busy', text: `Uploading “${file.name}”…` });
    const fd = new FormData();
    fd.set('file', file);
    try {
      const state = await uploadImageAction(initialActionState, fd);
      const markdown = state.values?.markdown;
      if (state.ok && markdown) {
        const el = textarea.current!;
        applyEdit(insertBlock(el.value, { start: el.selectionStart, end: el.selectionEnd }, markdown));
        setUpload({ state: 'done', text: state.message ?? 'Image uploaded.' });
      } else {
        setUpload({ state: 'error', text: state.fieldErrors?.file?.[0] ?? state.message ?? 'The image was not uploaded.' });
      }
    } catch {
      setUpload({ state: 'error', text: `“${file.name}” was not uploaded: Hallway could not be reached.` });
    }
  };

  const onBodyKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    const kind = key === 'b' ? 'bold' : key === 'i' ? 'italic' : key === 'k' ? 'link' : null;
    if (kind) {
      e.preventDefault();
      format(kind);
    }
  };

  // Ctrl/Cmd+S anywhere in the editor saves now.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void autosave();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [autosave]);

  // ---------------------------------------------------------------- conference and talks

  const changeConference = async (id: number | null) => {
    const current = docRef.current;
    if (id === current.conferenceId) return;
    if (current.talks.length && !window.confirm(`Changing the conference removes the ${current.talks.length} talk${current.talks.length === 1 ? '' : 's'} you picked. Change it?`)) return;
    update({ conferenceId: id, talks: [] });
    if (id === null) return setTalkOpts({ conferenceId: null, talks: [], loading: false });
    setTalkOpts({ conferenceId: id, talks: [], loading: true });
    try {
      const res = await fetch(`/write/talk-options?conferenceId=${id}`);
      const data = (await res.json()) as { talks?: TalkOption[] };
      setTalkOpts((t) => (t.conferenceId === id ? { conferenceId: id, talks: data.talks ?? [], loading: false } : t));
    } catch {
      setTalkOpts((t) => (t.conferenceId === id ? { ...t, loading: false } : t));
    }
  };

  // ---------------------------------------------------------------- conflict and recovery

  const keepMine = () => {
    if (!conflictRef.current) return;
    versionRef.current = conflictRef.current.version;
    conflictRef.current = null;
    setConflict(null);
    setPhase('idle');
    void autosave();
  };
  const useTheirs = async () => {
    clearLocalCopy(post.id);
    if (pubRef.current.status === 'published') {
      const fd = new FormData();
      fd.set('id', String(post.id));
      await discardWorkingCopyAction(initialActionState, fd).catch(() => null);
    }
    window.location.reload();
  };
  /** Back to the published text: the copy is dropped by the next autosave, in turn. */
  const discardChanges = async () => {
    if (!window.confirm(DISCARD_QUESTION)) return;
    update(storedRef.current.doc);
    if (await enqueue('copy')) {
      clearLocalCopy(post.id);
      setMessage('Changes discarded: the editor shows the published text.');
    }
  };
  const restoreLocal = () => {
    if (!localOffer) return;
    update(localOffer.doc);
    setLocalOffer(null);
  };
  const discardLocal = () => {
    clearLocalCopy(post.id);
    setLocalOffer(null);
  };

  // ---------------------------------------------------------------- publishing

  const publish = async (choice: PublishChoice) => {
    setPublishBusy(true);
    const ok = await enqueue('publish', choice);
    setPublishBusy(false);
    if (ok) setPublishOpen(false);
    else if (conflictRef.current || phaseRef.current === 'offline') setPublishOpen(false);
  };
  const unpublish = async () => {
    setPublishBusy(true);
    const ok = await enqueue('unpublish');
    setPublishBusy(false);
    if (ok) setPublishOpen(false);
  };

  const openPreview = async (e: React.MouseEvent<HTMLAnchorElement>) => {
    if (isPublishedish || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    await enqueue('save');
    router.push(`/write/${post.id}/preview`);
  };

  // ---------------------------------------------------------------- render

  const displaySlug = doc.slugAuto ? (pub.everPublished || doc.title === lastSavedTitle(savedSerial) ? pub.slug : slugify(doc.title || 'untitled')) : doc.slug;
  const statusText = (() => {
    if (phase === 'saving') return 'Saving…';
    if (phase === 'offline') return 'Offline: kept on this device';
    if (phase === 'conflict') return 'Not saved: changed elsewhere';
    if (phase === 'error') return 'Not saved';
    if (dirty) return isPublishedish ? 'Unsaved changes' : 'Editing…';
    if (pending) return copySavedAt ? `Copy saved at ${copySavedAt}` : 'Copy saved';
    if (savedAt) return `Saved at ${savedAt}`;
    return isPublishedish ? 'No unsaved changes' : 'All changes saved';
  })();
  const conferenceName = doc.conferenceId ? (confOptions.find((c) => c.id === doc.conferenceId)?.name ?? 'this conference') : null;

  return (
    <div className="lg:ml-[calc(50%-min(44rem,50vw-1.5rem))] lg:w-[min(88rem,calc(100vw-3rem))]">
      {/* Top bar: where the post stands, the save state, and the actions. */}
      <div className="sticky top-0 z-20 -mx-4 mb-4 border-b border-stone-200 bg-white/90 px-4 py-2 backdrop-blur sm:-mx-6 sm:px-6 lg:mx-0 lg:rounded-b-lg lg:px-3 dark:border-stone-800 dark:bg-stone-950/90">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <Link href="/write" className="inline-flex items-center gap-1 rounded-md px-2 py-1.5 text-sm font-medium text-stone-600 hover:bg-stone-100 hover:text-stone-900 dark:text-stone-300 dark:hover:bg-stone-800 dark:hover:text-white">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor"><path fillRule="evenodd" d="M17 10a.75.75 0 0 1-.75.75H5.612l4.158 3.96a.75.75 0 1 1-1.04 1.08l-5.5-5.25a.75.75 0 0 1 0-1.08l5.5-5.25a.75.75 0 1 1 1.04 1.08L5.612 9.25H16.25A.75.75 0 0 1 17 10Z" clipRule="evenodd" /></svg>
            <span className="sr-only sm:not-sr-only">Recaps</span>
          </Link>
          <StatusBadge state={pub.state} />
          <p role="status" aria-live="polite" className="min-w-[13rem] text-sm text-stone-500 tabular-nums dark:text-stone-400">
            {statusText}
          </p>
          <div className="ml-auto flex flex-wrap items-center gap-2">
            {!post.isOwn && <span className="hidden text-xs text-stone-500 md:inline">by {post.authorName ?? 'a former member'}</span>}
            {post.revisionCount > 0 || pub.everPublished ? (
              <Link href={`/write/${post.id}/revisions`} className={buttonClass('ghost', 'px-3')}>
                Revisions
              </Link>
            ) : null}
            {pub.state === 'published' ? (
              <a href={`/posts/${pub.slug}`} className={buttonClass('ghost', 'px-3')} target="_blank" rel="noopener">
                View<span className="sr-only"> the published recap (opens in a new tab)</span>
              </a>
            ) : (
              <a href={`/write/${post.id}/preview`} onClick={openPreview} className={buttonClass('ghost', 'px-3')}>
                Preview
              </a>
            )}
            {isPublishedish && (
              <button type="button" onClick={() => void enqueue('save')} disabled={phase === 'saving' || !pending} className={buttonClass('secondary')}>
                Update
              </button>
            )}
            <button type="button" onClick={() => setPublishOpen(true)} className={buttonClass('primary')} aria-haspopup="dialog">
              {pub.state === 'draft' ? 'Publish…' : 'Publish settings…'}
            </button>
          </div>
        </div>
      </div>

      {banner && (
        <div role="status" className="mb-4 flex items-start justify-between gap-3 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100">
          <p>{banner}</p>
          <button type="button" onClick={() => setBanner(null)} className="shrink-0 font-medium underline">
            Dismiss
          </button>
        </div>
      )}
      {pending && (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p>
            {loadedRevision ? <>The revision from {loadedRevision.label} is loaded in the editor. </> : null}
            Editing a copy: readers see the published version until you update.
          </p>
          <button type="button" onClick={() => void discardChanges()} disabled={phase === 'saving'} className="shrink-0 font-medium underline disabled:opacity-60">
            Discard changes
          </button>
        </div>
      )}
      {message && phase !== 'conflict' && (
        <div
          role={phase === 'idle' ? 'status' : 'alert'}
          className={`mb-4 rounded-lg border px-4 py-3 text-sm ${phase === 'idle' ? 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100' : 'border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100'}`}
        >
          {message}
          {phase === 'idle' && pub.state === 'published' && (
            <>
              {' '}
              <a href={`/posts/${pub.slug}`} className="font-medium underline">
                View it on Hallway
              </a>
            </>
          )}
        </div>
      )}

      {conflict && (
        <section role="alert" aria-labelledby={`${uid}-conflict`} className="mb-6 rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-50">
          <h2 id={`${uid}-conflict`} className="font-semibold">
            Not saved: this recap was changed somewhere else
          </h2>
          <p className="mt-1 text-sm">
            Another tab or another editor saved it after you opened it. Nothing was overwritten: your version is still in the editor (and kept on this device), theirs is below. Choose which one to keep.
          </p>
          <div className="mt-3">
            <p className="text-sm font-medium" id={`${uid}-theirs-label`}>
              Their version{conflict.title ? `: “${conflict.title}”` : ''}
            </p>
            <textarea
              readOnly
              value={conflict.body}
              aria-labelledby={`${uid}-theirs-label`}
              rows={8}
              className="mt-1 block w-full rounded-md border border-amber-300 bg-white p-3 font-mono text-sm text-stone-800 dark:border-amber-800 dark:bg-stone-950 dark:text-stone-200"
            />
          </div>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" onClick={keepMine} className={buttonClass('primary')}>
              Keep my version
            </button>
            <button type="button" onClick={useTheirs} className={buttonClass('secondary')}>
              Discard mine, load theirs
            </button>
          </div>
        </section>
      )}

      {/* Title and address */}
      <div className="mb-4">
        <label htmlFor={`${uid}-title`} className="sr-only">
          Title
        </label>
        {/* A one-line textarea that grows with the title, so long titles wrap instead of scrolling. */}
        <textarea
          id={`${uid}-title`}
          value={doc.title}
          rows={1}
          onChange={(e) => update({ title: e.target.value.replace(/\s*\n\s*/g, ' ') })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              textarea.current?.focus();
            }
          }}
          placeholder="Recap title"
          maxLength={200}
          aria-invalid={fieldErrors.title ? true : undefined}
          aria-describedby={fieldErrors.title ? `${uid}-title-error` : undefined}
          className="block w-full resize-none border-0 bg-transparent px-0 text-3xl font-bold tracking-tight text-balance text-stone-900 [field-sizing:content] placeholder:text-stone-300 focus:ring-0 sm:text-4xl dark:text-white dark:placeholder:text-stone-700"
        />
        <FieldErrors id={`${uid}-title-error`} errors={fieldErrors.title} />
      </div>

      {/* Write / Preview: side by side on wide screens, a switch on narrow ones. */}
      <div className="mb-2 flex items-center justify-between gap-2 lg:hidden" role="group" aria-label="Show">
        <div className="inline-flex rounded-lg bg-stone-100 p-0.5 dark:bg-stone-800">
          {(['write', 'preview'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => setView(v)}
              className="rounded-md px-4 py-1.5 text-sm font-medium text-stone-600 aria-pressed:bg-white aria-pressed:text-stone-900 aria-pressed:shadow-sm dark:text-stone-300 dark:aria-pressed:bg-stone-950 dark:aria-pressed:text-white"
            >
              {v === 'write' ? 'Write' : 'Preview'}
            </button>
          ))}
        </div>
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className={`${view === 'write' ? 'flex' : 'hidden'} h-[70vh] min-h-[26rem] flex-col lg:flex`}>
          <div className="flex h-10 flex-wrap items-center justify-between gap-2 rounded-t-lg border border-b-0 border-stone-200 bg-stone-50 px-1 dark:border-stone-800 dark:bg-stone-900">
            <Toolbar controls={bodyId} onFormat={format} onImage={() => fileInput.current?.click()} disabled={upload.state === 'busy'} />
            <input
              ref={fileInput}
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif"
              aria-label="Image file to upload"
              className="sr-only"
              tabIndex={-1}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void uploadFile(file);
              }}
            />
          </div>
          <label htmlFor={bodyId} className="sr-only">
            Recap text (Markdown)
          </label>
          <textarea
            id={bodyId}
            ref={textarea}
            value={doc.body}
            onChange={(e) => update({ body: e.target.value })}
            onKeyDown={onBodyKeyDown}
            onPaste={(e) => {
              const file = [...e.clipboardData.files].find((f) => f.type.startsWith('image/'));
              if (file) {
                e.preventDefault();
                void uploadFile(file);
              }
            }}
            onDrop={(e) => {
              const file = [...e.dataTransfer.files].find((f) => f.type.startsWith('image/'));
              if (file) {
                e.preventDefault();
                void uploadFile(file);
              }
            }}
            spellCheck
            placeholder={'Start writing. Markdown works: ## headings, **bold**, [links](https://…), > quotes.\n\nPut <!-- more --> after the introduction to choose what the home page shows.'}
            aria-describedby={`${uid}-upload${fieldErrors.body ? ` ${uid}-body-error` : ''}`}
            aria-invalid={fieldErrors.body ? true : undefined}
            className="block min-h-0 w-full flex-1 resize-none rounded-b-lg border border-stone-200 bg-white px-4 py-3 font-mono text-[15px] leading-7 text-stone-900 placeholder:text-stone-400 focus:border-accent-600 focus:outline-none dark:border-stone-800 dark:bg-stone-950 dark:text-stone-100 dark:placeholder:text-stone-600"
          />
          <p
            id={`${uid}-upload`}
            role={upload.state === 'error' ? 'alert' : undefined}
            aria-live="polite"
            className={`h-6 truncate pt-1 text-xs ${upload.state === 'error' ? 'font-medium text-red-700 dark:text-red-400' : 'text-stone-500 dark:text-stone-400'}`}
          >
            {upload.state === 'idle' ? 'Images: PNG, JPEG, WebP or GIF up to 10 MB; paste or drop them into the text too.' : upload.text}
          </p>
          <FieldErrors id={`${uid}-body-error`} errors={fieldErrors.body} />
        </div>
        <div className={`${view === 'preview' ? 'block' : 'hidden'} h-[70vh] min-h-[26rem] lg:block`}>
          <Preview markdown={doc.body} initialHtml={loadedRevision ? '' : post.bodyHtml} initialMarkdown={loadedRevision ? '\u0000' : post.body} title={doc.title} />
        </div>
      </div>

      {/* Settings */}
      <section aria-labelledby={`${uid}-settings`} className="mt-8 rounded-xl border border-stone-200 p-5 dark:border-stone-800">
        <h2 id={`${uid}-settings`} className="text-lg font-semibold text-stone-900 dark:text-white">
          Recap settings
        </h2>
        <div className="mt-4 grid gap-5 md:grid-cols-2">
          <div>
            <label htmlFor={`${uid}-slug`} className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
              Slug
            </label>
            <div className="flex rounded-md shadow-sm">
              <span className="hidden items-center rounded-l-md border border-r-0 border-stone-300 bg-stone-50 px-2 text-sm text-stone-500 sm:inline-flex dark:border-stone-700 dark:bg-stone-900 dark:text-stone-400">
                {siteHost}/posts/
              </span>
              <input
                id={`${uid}-slug`}
                value={displaySlug}
                onChange={(e) => update({ slug: e.target.value.toLowerCase().replace(/\s+/g, '-'), slugAuto: false })}
                maxLength={80}
                spellCheck={false}
                aria-invalid={fieldErrors.slug ? true : undefined}
                aria-describedby={`${uid}-slug-hint${fieldErrors.slug ? ` ${uid}-slug-error` : ''}`}
                className={`${inputClass} font-mono sm:rounded-l-none`}
              />
            </div>
            <p id={`${uid}-slug-hint`} className="mt-1 text-sm text-stone-500 dark:text-stone-400">
              {pub.everPublished
                ? 'Published: the address stays as it is unless you change it here; the old address then redirects.'
                : doc.slugAuto
                  ? 'Follows the title until you publish.'
                  : (
                      <>
                        Typed by hand.{' '}
                        <button type="button" className="font-medium text-accent-700 underline dark:text-accent-400" onClick={() => update({ slugAuto: true, slug: pub.slug })}>
                          Follow the title again
                        </button>
                      </>
                    )}
            </p>
            <FieldErrors id={`${uid}-slug-error`} errors={fieldErrors.slug} />
          </div>
          <ConferenceSelect
            value={doc.conferenceId}
            options={confOptions}
            onChange={(id) => void changeConference(id)}
            onCreated={(c) => {
              setConfOptions((list) => [c, ...list.filter((o) => o.id !== c.id)]);
              update({ conferenceId: c.id, talks: [] });
              setTalkOpts({ conferenceId: c.id, talks: [], loading: false });
            }}
            errors={fieldErrors.conferenceId}
          />
          <CategoryInput value={doc.categories} onChange={(categories) => update({ categories })} suggestions={categoryNames} errors={fieldErrors.categories} />
          <div className="md:pt-7">
            <CheckboxField
              label="Allow comments"
              name="commentsEnabled"
              checked={doc.commentsEnabled}
              onChange={(e) => update({ commentsEnabled: e.target.checked })}
              description="Signed-in readers can discuss the recap under it."
            />
          </div>
        </div>
      </section>

      <section aria-labelledby={`${uid}-talks`} className="mt-6 rounded-xl border border-stone-200 p-5 dark:border-stone-800">
        <h2 id={`${uid}-talks`} className="text-lg font-semibold text-stone-900 dark:text-white">
          Talks in this recap
        </h2>
        <p className="mb-4 mt-1 text-sm text-stone-600 dark:text-stone-400">The post lists them after the text, grouped by day and track, in this order.</p>
        <TalkPicker
          conferenceName={conferenceName}
          options={talkOpts.conferenceId === doc.conferenceId ? talkOpts.talks : []}
          loading={talkOpts.loading}
          value={doc.talks}
          onChange={(talks) => update({ talks })}
          errors={fieldErrors.talks}
        />
      </section>

      <section aria-label="Delete" className="mt-6 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-red-200 p-5 dark:border-red-950">
        <p className="text-sm text-stone-600 dark:text-stone-400">Deleting removes the recap from Hallway for good.</p>
        <DeleteRecap postId={post.id} title={doc.title} published={pub.everPublished} />
      </section>

      <PublishDialog
        open={publishOpen}
        onClose={() => setPublishOpen(false)}
        state={pub.state}
        publishedAt={pub.publishedAt}
        utcOffsetMinutes={pub.utcOffsetMinutes}
        onPublish={(choice) => void publish(choice)}
        onUnpublish={() => void unpublish()}
        busy={publishBusy}
        fieldErrors={fieldErrors}
        message={phase === 'error' ? message : null}
      />

      {localOffer && (
        <div role="alertdialog" aria-labelledby={`${uid}-local`} className="fixed inset-x-4 bottom-4 z-40 mx-auto max-w-lg rounded-xl border border-stone-200 bg-white p-4 shadow-2xl dark:border-stone-700 dark:bg-stone-900">
          <p id={`${uid}-local`} className="text-sm text-stone-800 dark:text-stone-200">
            This device kept text from {clock.format(new Date(localOffer.at))} that never reached Hallway
            {localOffer.doc.title ? <> (“{localOffer.doc.title}”)</> : null}. Restore it into the editor?
          </p>
          <div className="mt-3 flex justify-end gap-2">
            <button type="button" onClick={discardLocal} className={buttonClass('ghost')}>
              Discard it
            </button>
            <button type="button" onClick={restoreLocal} className={buttonClass('primary')} autoFocus>
              Restore my text
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function lastSavedTitle(serial: string): string {
  try {
    return (JSON.parse(serial) as { title: string }).title;
  } catch {
    return '';
  }
}
