/**
 * Draws the placeholder "photos" and video posters of public/demo-media from the catalogue the scenario uses
 * (mocks/scenario/media.ts), so every media URL in generated reports resolves. Plain SVG, no network, each
 * file well under 3 KB. Run: npx tsx mocks/tools/gen-demo-media.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_MEDIA } from '../scenario/media';
import type { DemoMedia, Scene } from '../scenario/media';

const W = 320;
const H = 240;
const GROUND = 170;
const MAX_BYTES = 3 * 1024;

const rect = (x: number, y: number, w: number, h: number, fill: string, extra = '') => `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}"${extra}/>`;
const circle = (cx: number, cy: number, r: number, fill: string) => `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"/>`;
const ellipse = (cx: number, cy: number, rx: number, ry: number, fill: string) => `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${fill}"/>`;
const path = (d: string, stroke: string, width = 3, fill = 'none') => `<path d="${d}" stroke="${stroke}" stroke-width="${width}" fill="${fill}" stroke-linecap="round"/>`;
const poly = (points: string, fill: string) => `<polygon points="${points}" fill="${fill}"/>`;

const sky = (night = false) => rect(0, 0, W, GROUND, night ? '#1e2a47' : '#cfe6f5');
const road = () => rect(0, GROUND, W, H - GROUND, '#8d8a85') + path(`M0 ${GROUND + 30}H${W}`, '#f4f1e8', 3, 'none').replace('/>', ' stroke-dasharray="18 14"/>');
const pavement = () => rect(0, GROUND - 12, W, 12, '#c9bfae');
const house = (x: number, w: number, h: number, color: string) =>
  rect(x, GROUND - 12 - h, w, h, color) + poly(`${x - 6},${GROUND - 12 - h} ${x + w / 2},${GROUND - 40 - h} ${x + w + 6},${GROUND - 12 - h}`, '#9c4a32') + rect(x + w / 2 - 8, GROUND - 40, 16, 28, '#5b4636');
const tree = (x: number, lean = 0) => path(`M${x} ${GROUND - 12}L${x + lean} ${GROUND - 80}`, '#6b4a2f', 8) + circle(x + lean, GROUND - 95, 30, '#4f8f3a');
const check = () => circle(280, 40, 22, '#2e9b4f') + path('M269 40l8 8 14-16', '#fff', 5);

const scenes: Record<Scene, () => string> = {
  rubbish: () => sky() + house(20, 90, 70, '#e8d9b5') + pavement() + road() + ellipse(190, 165, 60, 18, '#3c3c3c') + ellipse(170, 150, 22, 16, '#2f5d34') + ellipse(205, 148, 20, 15, '#222') + ellipse(230, 158, 16, 12, '#6d8f3f') + rect(250, 125, 30, 40, '#2e7d4f') + path('M160 120l-6-10M190 118l4-12M220 122l8-9', '#555', 2),
  rubble: () => sky() + rect(20, 90, 280, 68, '#d9cbb0') + pavement() + road() + poly('110,190 160,150 230,150 280,192', '#9b8f80') + [130, 150, 175, 200, 225, 245].map((x, i) => rect(x, 160 + (i % 3) * 8, 16, 8, i % 2 ? '#b5533c' : '#c8c1b6')).join('') + path('M60 150l30-40M70 110h30', '#6b5a45', 3),
  materials: () => sky() + house(20, 100, 80, '#ecdcb8') + pavement() + road() + poly('140,182 185,130 240,182', '#d8b46a') + [250, 266, 282].map((x) => rect(x, 150, 14, 30, '#b5533c')).join('') + rect(248, 144, 52, 6, '#8b5a2b'),
  manhole: () => sky() + house(30, 110, 70, '#e2d5b8') + pavement() + road() + ellipse(170, 205, 34, 11, '#1d1c1a') + path('M130 188l70 -10M150 183l-8 -14M180 180l6 -12', '#5c7a2e', 3) + poly('228,214 240,190 252,214', '#e67e22'),
  building: () => sky() + rect(70, 40, 130, 118, '#b9b4ab') + path('M70 40v118M113 40v118M156 40v118M200 40v118M70 80h130M70 120h130', '#7d6a4f', 3) + path('M230 158V20h70M290 20v40', '#e0a31e', 5) + pavement() + road() + poly('210,190 260,160 310,190', '#d8b46a'),
  streetlight: () => sky(true) + circle(60, 40, 2, '#fff') + circle(150, 25, 2, '#fff') + circle(250, 50, 2, '#fff') + pavement() + road() + path(`M80 ${GROUND - 12}V50h30`, '#555', 5) + circle(112, 56, 9, '#777') + path(`M220 ${GROUND - 12}V50h30`, '#555', 5) + circle(252, 56, 9, '#ffd84d') + ellipse(252, 150, 40, 10, '#3d4a66'),
  pothole: () => sky() + house(200, 90, 60, '#e9cfa3') + pavement() + road() + ellipse(90, 210, 40, 12, '#4e4b47') + ellipse(90, 209, 30, 8, '#6b8fb0') + ellipse(200, 222, 26, 8, '#4e4b47') + ellipse(160, 190, 14, 5, '#4e4b47'),
  pavement: () => sky() + house(10, 120, 80, '#f0dfb8') + house(180, 120, 70, '#dfe7c8') + pavement() + road() + path('M60 158V112', '#444', 3) + poly('20,116 100,116 60,92', '#d94a3d') + rect(120, 140, 40, 6, '#b5651d') + rect(124, 146, 4, 16, '#b5651d') + rect(152, 146, 4, 16, '#b5651d') + rect(170, 176, 60, 14, '#3a6ea5'),
  tree: () => sky() + pavement() + road() + tree(120, 50) + path(`M110 ${GROUND - 12}L150 ${GROUND - 60}`, '#c9a36b', 3) + tree(260),
  'water-pipe': () => sky() + house(20, 100, 70, '#e6d3ad') + pavement() + road() + path('M170 200q-10-50 -20-80M170 200q0-55 5-90M170 200q10-50 25-78', '#4a90d9', 4) + ellipse(170, 210, 70, 12, '#7fb3e0'),
  flood: () => sky() + house(20, 90, 70, '#e4d2ad') + house(200, 100, 80, '#d6e0c8') + pavement() + road() + rect(0, 140, W, 100, '#6f9fcf', ' opacity="0.85"') + path('M0 150q20-8 40 0t40 0t40 0t40 0t40 0t40 0t40 0t40 0', '#d8e9f7', 3) + circle(150, 138, 9, '#333') + rect(140, 128, 40, 12, '#c0392b'),
  noise: () => sky(true) + house(40, 110, 90, '#e8d6b0') + pavement() + road() + rect(170, 100, 26, 44, '#333') + circle(183, 112, 6, '#888') + circle(183, 132, 8, '#888') + path('M205 100q14 22 0 44M218 92q22 30 0 60M231 84q30 38 0 76', '#ffcf3f', 3),
  security: () => sky(true) + pavement() + road() + [90, 120, 150].map((x) => circle(x, 120, 9, '#d9b38c') + rect(x - 8, 129, 16, 30, '#2d3e50')).join('') + circle(230, 205, 12, '#222') + circle(280, 205, 12, '#222') + path('M230 205h50l-10-18h-25z', '#a33', 4),
  food: () => sky() + house(30, 110, 80, '#efe0bd') + pavement() + road() + rect(160, 120, 110, 8, '#8b5a2b') + rect(165, 128, 6, 30, '#8b5a2b') + rect(259, 128, 6, 30, '#8b5a2b') + ellipse(190, 116, 14, 6, '#f2f2f2') + ellipse(225, 116, 14, 6, '#f2f2f2') + [200, 212, 236, 246].map((x, i) => circle(x, 98 - i * 4, 2, '#222')).join(''),
  'power-line': () => sky() + pavement() + road() + path(`M60 ${GROUND - 12}V30M260 ${GROUND - 12}V30`, '#7a6a58', 7) + path('M60 40Q160 150 260 40M60 55Q160 165 260 55', '#222', 2) + path('M150 150v25', '#c0392b', 2),
  telecom: () => sky() + house(180, 110, 70, '#e8dcc0') + pavement() + road() + path(`M80 ${GROUND - 12}V30`, '#7a6a58', 7) + path('M80 45Q140 110 320 60M80 50Q130 130 320 80M80 58C120 150 60 140 110 120S160 150 320 95M80 62Q110 160 90 168', '#222', 2) + rect(68, 110, 24, 30, '#5d7d8f'),
  misc: () => sky() + rect(0, GROUND - 12, W, H - GROUND + 12, '#8fbf6a') + tree(60) + rect(150, 150, 80, 8, '#8b5a2b') + rect(155, 158, 5, 12, '#555') + rect(220, 158, 5, 12, '#555') + ellipse(270, 180, 20, 10, '#b07a45') + circle(288, 170, 8, '#b07a45'),
  fixed: () => sky() + house(20, 100, 70, '#efe3c4') + pavement() + road() + rect(150, 186, 120, 30, '#5f5c58') + check(),
  'clean-street': () => sky() + house(20, 110, 80, '#f1e4c6') + pavement() + road() + tree(200) + rect(250, 128, 26, 30, '#2e7d4f') + check(),
};

function svg(m: DemoMedia): string {
  const label = m.kind === 'video' ? 'Video minh hoạ' : 'Ảnh minh hoạ';
  const play = m.kind === 'video' ? circle(160, 95, 30, 'rgba(0,0,0,0.55)') + poly('150,78 150,112 178,95', '#fff') + `<text x="306" y="20" text-anchor="end" font-size="12" fill="#fff">00:${String(12 + m.name.length).padStart(2, '0')}</text>` : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif">`,
    `<title>${label}: ${m.caption}</title>`,
    scenes[m.scene](),
    play,
    rect(0, H - 26, W, 26, 'rgba(0,0,0,0.6)'),
    `<text x="10" y="${H - 9}" font-size="13" fill="#fff">${label} · ${m.caption}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), '../../public/demo-media');
mkdirSync(outDir, { recursive: true });
for (const m of DEMO_MEDIA) {
  const text = svg(m);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_BYTES) throw new Error(`${m.name}.svg is ${bytes} bytes (limit ${MAX_BYTES})`);
  writeFileSync(join(outDir, `${m.name}.svg`), text);
  console.log(`${m.name}.svg ${bytes} B`);
}
