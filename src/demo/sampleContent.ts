/** Fixed documents the demo server returns for `/json`, `/html`, `/xml` and `/image/png` (httpbin's samples). */

/** httpbin's sample slideshow, served by `/json`. */
export const SAMPLE_JSON = {
  slideshow: {
    author: 'Yours Truly',
    date: 'date of publication',
    slides: [
      { title: 'Wake up to WonderWidgets!', type: 'all' },
      { items: ['Why <em>WonderWidgets</em> are great', 'Who <em>buys</em> WonderWidgets'], title: 'Overview', type: 'all' },
    ],
    title: 'Sample Slide Show',
  },
};

/** A short HTML page, served by `/html`. */
export const SAMPLE_HTML = `<!DOCTYPE html>
<html>
  <head><meta charset="utf-8"><title>HTTP Session demo</title></head>
  <body>
    <h1>Herman Melville - Moby-Dick</h1>
    <p>Availing himself of the mild, summer-cool weather that now reigned in these latitudes...</p>
  </body>
</html>
`;

/** The slideshow as XML, served by `/xml`. */
export const SAMPLE_XML = `<?xml version='1.0' encoding='us-ascii'?>
<slideshow title="Sample Slide Show" date="Date of publication" author="Yours Truly">
  <slide type="all"><title>Wake up to WonderWidgets!</title></slide>
  <slide type="all">
    <title>Overview</title>
    <item>Why <em>WonderWidgets</em> are great</item>
    <item>Who <em>buys</em> WonderWidgets</item>
  </slide>
</slideshow>
`;

/** A valid 1x1 RGBA PNG (70 bytes), served by `/image/png`. */
export const SAMPLE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
