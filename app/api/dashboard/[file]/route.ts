import { getDb } from '@/server/db';
import { dashboardMatrix } from '@/db/queries/dashboard';
import { cachedRead } from '@/db/read-cache';
import { apiRoute } from '@/server/http/route';
import { RouteError } from '@/server/http/problem';
import { sheetResponse } from '@/server/exports/sheet-response';
import { todayIso } from '@/lib/dates';
import { matrixSheet } from '@/lib/exports/matrix-sheet';
import { parseSheetFileName } from '@/lib/exports/sheet-file';
import { dashboardQuery, parseDashboardParams } from '@/lib/validation/dashboard-filters';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/dashboard/matrix.{xlsx,csv}?negotiation=…&party=…&status=…&priority=… — the matrix with the dashboard's filters, every page of it. */
export const GET = apiRoute<{ file: string }>({ role: 'viewer', failure: 'The spreadsheet could not be generated.' }, async ({ params, request, scope, user }) => {
  const format = parseSheetFileName(params.file, 'matrix');
  if (!format) throw new RouteError(400, 'Ask for matrix.xlsx or matrix.csv.');
  const filters = parseDashboardParams(Object.fromEntries(new URL(request.url).searchParams));
  const db = getDb();
  const blocks = cachedRead(db, scope, ['dashboard-matrix', dashboardQuery({ ...filters, page: 1 })], (seen) => dashboardMatrix(db, seen, filters));
  return sheetResponse(matrixSheet(blocks), format, { title: 'Where every issue stands', author: user.name, today: todayIso() });
});
