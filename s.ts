import { parsePost } from '@/lib/jekyll/parse';
const show = (name: string, body: string, fm = 'title: "Lakeside Conf 2019"\ndate: 2019-06-14 10:00:00 +0000') => {
  const r = parsePost(`2019-06-14-${name}.md`, `---\n${fm}\n---\n\n${body}`);
  if (!r.ok) return console.log(name, r.error);
  console.log(`== ${name}`);
  for (const d of r.post.days) { console.log(' ', d.label, '|', d.heading, '|', d.date, '|', d.track, '|', d.host); for (const t of d.talks) console.log('    ', t.confidence, t.shape, JSON.stringify(t.title), t.speakers, t.links.map((l) => l.kind + (l.url ? '' : '?')), JSON.stringify(t.note.slice(0, 50))); }
};
show('inverted', `Intro.\n\n### Day one\n\n## [Ropes and Knots](https://lakeside.example/talks/ropes)\n\nMira Holm showed how.\n\n## [Paper Planes](https://lakeside.example/talks/planes)\n\nNotes.\n\n### Day two\n\n## [Lantern Design](https://lakeside.example/talks/lantern)\n\nMore.\n\n## Summary\n\nGood times.\n`);
show('numbered', `The talks I liked:\n\n1. Mira Holm: Ropes and Knots\n2. Teo Vance: Paper Planes\n3. Jo Park: Lantern Design\n`);
show('html', `<p><strong>Friday</strong>: the main day.</p>\n<p>The sessions I went to were <a href="https://lakeside.example/talks/ropes">Ropes and Knots</a>, <a href="https://lakeside.example/talks/planes">Paper Planes</a> and <strong>Lantern Design</strong>.</p>\n<p>I also read her book, <em>The Quiet Stack</em>, on the train.</p>\n<p>Sessions on Saturday:</p>\n<ul><li>Small Batches</li><li>Tidy Queues for Everyone</li></ul>\n`);
show('dayless-heading', `# Day 2\n\nNothing worth noting.\n\n# Day 3\n\n**[Tidy Queues](https://lakeside.example/talks/tidy)**\n\n[Slides](https://lakeside.example/tidy.pdf)\n\nNote.\n\n# Day 1\n\n**[Small Batches](https://lakeside.example/talks/small)**\n\n[Video](https://vimeo.com/1234)\n`);
show('plan', `I'll attend these next week:\n\n* Monday: "[Ropes and Knots](https://lakeside.example/presentation/ropes)"\n* Tuesday: "[Paper Planes](https://lakeside.example/presentation/planes)"\n`, 'title: "Lakeside plan"\ndate: 2019-06-06');
show('refs', `Here is what you missed:\n\n* **[Ropes and Knots][1]** - Mira Holm ([@mholm][2])\n\nShe knotted things.\n\n* **Paper Planes** - Teo Vance\n\nHe folded things. [Coming soon]\n\n[1]: https://lakeside.example/ropes.pdf\n[2]: https://twitter.com/mholm\n`);
show('prose-only', `We went to the lakeside conference. The talks were great and the hallway track better. **Bring a jacket**, it gets cold.\n\n## Thoughts\n\nOverall a *good* year for the community.\n`);
show('hosted', `### Day 1: Data\n\nThe track was hosted by Jane Doe (山田花子). Then came the talks.\n\n**[Ropes](https://lakeside.example/talks/ropes)**\n\n[Slides](https://lakeside.example/r.pdf)\n`);
