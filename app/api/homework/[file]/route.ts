import { getDb } from '@/server/db';
import { listHomework } from '@/db/queries/homework';
import { cachedRead } from '@/db/read-cache';
import { apiRoute } from '@/server/http/route';
import { RouteError } from '@/server/http/problem';
import { sheetResponse } from '@/server/exports/sheet-response';
import { todayIso } from '@/lib/dates';
import { homeworkSheet } from '@/lib/exports/homework-sheet';
import { parseSheetFileName } from '@/lib/exports/sheet-file';
import { homeworkQuery, parseHomeworkParams } from '@/lib/validation/homework-filters';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/homework/board.{xlsx,csv}?negotiation=…&party=…&issue=…&round=…&status=… — the board with its filters, every page of it. */
export const GET = apiRoute<{ file: string }>({ role: 'viewer', failure: 'The spreadsheet could not be generated.' }, async ({ params, request, scope, user }) => {
  const format = parseSheetFileName(params.file, 'board');
  if (!format) throw new RouteError(400, 'Ask for board.xlsx or board.csv.');
  const { filters } = parseHomeworkParams(Object.fromEntries(new URL(request.url).searchParams));
  const db = getDb();
  const today = todayIso();
  const items = cachedRead(db, scope, ['homework-board', homeworkQuery(filters), today], (seen) => listHomework(db, seen, filters, today));
  return sheetResponse(homeworkSheet(items), format, { title: 'Homework', author: user.name, today });
});
