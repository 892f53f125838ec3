// Writes src/shared/data/ward-points.json: run with `npx tsx mocks/tools/gen-ward-points.ts`.
// The GSO register has no coordinates, so the product ships these synthetic points (see SOURCE.md).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import register from '../../src/shared/data/admin-units-2019.json';
import boundaries from '../../src/shared/data/thua-thien-hue-districts.json';
import type { DistrictFeatureCollection } from '../../src/shared/domain/area';
import { formatWardPoints, generateWardPoints } from './ward-points';

const target = fileURLToPath(new URL('../../src/shared/data/ward-points.json', import.meta.url));
const points = generateWardPoints(register, boundaries as DistrictFeatureCollection);
writeFileSync(target, formatWardPoints(points));
console.log(`wrote ${Object.keys(points).length} ward points to ${target}`);
