import { describe, expect, it } from 'vitest';
import { checkPack } from './check-pack.ts';
import { remoteImages } from './remote-images.ts';
import { writePack } from './write-pack.ts';

const PIXEL = 'data:image/png;base64,iVBORw0KGgo=';

describe('remoteImages', () => {
  it('finds protocol-relative, UNC, http, file and scheme-less images in Markdown and HTML', () => {
    const cases = [
      '![x](//host/share/x.png)',
      '![x](<//host/share/x.png>)',
      '![x](https://tracker.example/p.gif "title")',
      '![x](file:///etc/hosts)',
      '![x](\\\\host\\share\\x.png)',
      '![x](relative.png)',
      '<img src=\\\\host\\x>',
      '<img src="//host/x.png">',
      "<IMG SRC='http://host/x.png'>",
      `<img src="${PIXEL}" srcset="${PIXEL} 1x, //host/x2.png 2x">`,
      '<video poster="//host/p.png"></video>',
      '<table background="//host/bg.png"></table>',
      '![logo][l]\n\n[l]: //host/logo.png',
      '![Logo]\n\n[logo]: <https://host/logo.png>',
    ];
    for (const text of cases) expect(remoteImages(text), text).toHaveLength(1);
  });

  it('accepts embedded images, the app scheme, plain links and text without images', () => {
    for (const text of [
      `![pixel](${PIXEL})`,
      `<img src="${PIXEL}" srcset="${PIXEL} 2x">`,
      '![shot](app://lab/assets/shot.png)',
      '[docs](https://kubernetes.io/docs/) and [share](//host/share)',
      '[l]: //host/not-an-image',
      'Allow **web** to reach `db` on port 5432.',
    ]) {
      expect(remoteImages(text), text).toEqual([]);
    }
  });
});

describe('checkPack and remote images', () => {
  it('refuses a pack whose task shows a remote image, with the field and the snippet', () => {
    const exercise = `id: sample-one
title: Sample
track: basics
difficulty: beginner
minutes: 5
kind: write
examWeight: 0
task: |
  Look: ![x](//host/share/x.png)
cluster:
  pods:
    - { name: web, labels: { app: web } }
    - { name: db, labels: { app: db }, ports: [{ port: 5432 }] }
checks:
  - { id: web-to-db, type: reach, from: default/web, to: default/db, port: 5432, expect: allow }
`;
    const text = writePack({
      manifest: { name: 'n', author: 'a', version: '1.0.0', createdWith: 'test' },
      tracks: [
        {
          folder: '01-basics',
          id: 'basics',
          title: 'Basics',
          description: 'See ![t](http://x/t.png)',
          order: 1,
        },
      ],
      exercises: [
        {
          folder: '01-basics/01-one',
          files: { 'exercise.yaml': exercise, 'starter.yaml': '', 'solution.yaml': '' },
        },
      ],
    });
    const problems = checkPack(text).problems.filter((problem) => problem.id === 'pack.remote-image');
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(
        /tracks\[0\]\.description loads an image from outside the lab \("!\[t\]\(http:\/\/x\/t\.png"\)/,
      ),
      expect.stringMatching(/task loads an image from outside the lab \("!\[x\]\(\/\/host\/share\/x\.png"\)/),
    ]);
  });
});
