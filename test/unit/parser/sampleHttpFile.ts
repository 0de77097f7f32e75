/** Realistic `.http` content for fuzzing and timing: REST Client and JetBrains shapes mixed. */
const TEMPLATES: ReadonlyArray<(i: number) => string> = [
  (i) => `### Get item ${i}\n# @name item${i}\nGET {{host}}/api/items/${i}?expand=true HTTP/1.1\nAccept: application/json\nAuthorization: Bearer {{token}}\n\n`,
  (i) => `### Create ${i}\n// @no-redirect\nPOST {{host}}/api/items\nContent-Type: application/json\n\n{\n  "id": ${i},\n  "name": "item {{$guid}}",\n  "tags": ["a", "b"]\n}\n\n`,
  (i) => `###\n@page = ${i}\nGET https://example.com/search\n    ?q=session\n    &page={{page}}\nX-Request-Id: ${i}\n\n`,
  (i) => `### Sign in\n# @name login${i}\n# @session-header Authorization: Bearer {{login${i}.response.body.$.token}}\nPOST {{host}}/api/mgr/signin\nContent-Type: application/x-www-form-urlencoded\n\nusername=byhy\n&password=88888888\n\n`,
  (i) => `### Upload ${i}\nPOST {{host}}/upload\nContent-Type: multipart/form-data; boundary=B\n\n--B\nContent-Disposition: form-data; name="f"; filename="a.txt"\n\n< ./a.txt\n--B--\n\n`,
  (i) => `### JetBrains ${i}\nGET http://localhost:8080\n    /api\n    /items/${i}\n\n> {%\n  client.test("ok", function () { client.assert(response.status === 200); });\n%}\n\n`,
  (i) => `### Template ${i}\nPUT {{host}}/things/${i}\nContent-Type: application/json\n\n<@ ./body.json\n\n`,
  (i) => `### Delete ${i}\n# a comment about request ${i}\nDELETE {{host}}/things/${i}\n\n`,
];

/** A file of `count` requests cycling through the templates, after a small prologue. */
export function sampleHttpFile(count: number): string {
  const parts = ['@host = https://api.example.com\n@token = abc\n# @session-header X-Client: demo\n\n'];
  for (let i = 0; i < count; i++) parts.push(TEMPLATES[i % TEMPLATES.length](i));
  return parts.join('');
}

/** One random realistic file of up to `maxRequests` requests, from the given random source. */
export function randomHttpFile(random: () => number, maxRequests: number): string {
  const count = 1 + Math.floor(random() * maxRequests);
  const parts: string[] = random() < 0.5 ? ['@host = https://a.test\n# @session-auth basic u p\n\n'] : [];
  for (let i = 0; i < count; i++) parts.push(TEMPLATES[Math.floor(random() * TEMPLATES.length)](i));
  const text = parts.join('');
  return random() < 0.2 ? text.replace(/\n/g, '\r\n') : text;
}
