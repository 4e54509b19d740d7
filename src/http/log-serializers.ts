/** Logs carry method, path and status, never query strings (tokens) or bodies (personal data); a calendar feed's or kiosk link's token in the path is masked. */
export const logSerializers = {
  req: (req: { method: string; url: string; id: string }) => ({
    id: req.id, method: req.method, path: req.url.split('?')[0]
      .replace(/^\/staff\/kalender\/feed\/[^/]*/, '/staff/kalender/feed/***')
      .replace(/^(\/kiosk\/[^/]*\/)[^/]+/, '$1***'),
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};
