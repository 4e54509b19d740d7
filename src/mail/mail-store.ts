// Reads what the file transport wrote (for /dev/mail).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEX_FILE, STORED_NAME, type StoredMail, type StoredMailSummary } from './file-transport.ts';

/** The stored mails, newest first; empty when there are none yet. */
export async function listStoredMails(dir: string): Promise<StoredMailSummary[]> {
  try {
    const index = JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8')) as StoredMailSummary[];
    return index.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.name.localeCompare(a.name)));
  } catch {
    return [];
  }
}

export async function readStoredMail(dir: string, name: string): Promise<StoredMail | null> {
  if (!STORED_NAME.test(name)) return null;
  try {
    return JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')) as StoredMail;
  } catch {
    return null;
  }
}

export async function readStoredFile(dir: string, file: string): Promise<Buffer | null> {
  if (!STORED_NAME.test(file)) return null;
  try {
    return await readFile(join(dir, file));
  } catch {
    return null;
  }
}
