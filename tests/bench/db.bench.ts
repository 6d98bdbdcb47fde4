// bench:db — case-list search and a case's study tree with 10,000 cases and 1,000,000 instances.
// Goal (issue 4): < 50 ms each. Last line: a JSON object of the figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refreshCaseSearch } from '../../db/case-search.ts';
import { caseStudyTree } from '../../db/case-studies.ts';
import { listCases } from '../../db/cases.ts';
import { openDatabase } from '../../db/open.ts';

const CASES = 10_000;
const STUDIES_PER_CASE = 2;
const SERIES_PER_STUDY = 5;
const INSTANCES_PER_SERIES = 10; // 10,000 × 2 × 5 × 10 = 1,000,000 instances
const dir = mkdtempSync(join(tmpdir(), 'scr-bench-db-'));
const db = openDatabase(join(dir, 'bench.sqlite'));

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(fn: () => unknown[], runs = 21): number {
  if (!fn().length) throw new Error('benchmark query returned nothing: the figures would be meaningless');
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return Math.round(median(samples) * 100) / 100;
}

const t0 = performance.now();
const at = '2026-01-01T00:00:00Z';
db.prepare("INSERT INTO users (name, discipline, created_at) VALUES ('Bench', 'radiology', ?)").run(at);
const insertPatient = db.prepare(
  'INSERT INTO patients (mrn, name, created_at, updated_at) VALUES (?, ?, ?, ?)',
);
const insertCase = db.prepare(
  'INSERT INTO cases (title, clinical_question, patient_id, created_by, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)',
);
const insertStudy = db.prepare(
  'INSERT INTO studies (patient_id, study_uid, study_date, description, created_at) VALUES (?, ?, ?, ?, ?)',
);
const insertSeries = db.prepare(
  'INSERT INTO series (study_id, series_uid, modality, series_number, description, plane, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
);
const insertInstance = db.prepare(
  `INSERT INTO instances (series_id, sop_class_uid, sop_instance_uid, instance_number, transfer_syntax, rows, columns,
     file_path, file_size, sha256, imported_at) VALUES (?, '1.2.840.10008.5.1.4.1.1.2', ?, ?, '1.2.840.10008.1.2.1', 512, 512, ?, 524288, ?, ?)`,
);
const link = db.prepare(
  'INSERT INTO case_studies (case_id, study_id, linked_at, linked_by) VALUES (?, ?, ?, 1)',
);
const levels = ['L3-L4', 'L4-L5', 'L5-S1', 'L4-S1', 'T10-pelvis'];
const modalities = ['CT', 'MR', 'DX', 'CR', 'MR'];
db.transaction(() => {
  let instance = 0;
  for (let c = 1; c <= CASES; c++) {
    const patient = Number(
      insertPatient.run(`MRN-${100000 + c}`, `PATIENT${c}^TEST`, at, at).lastInsertRowid,
    );
    insertCase.run(
      `Failed ${levels[c % 5]} fusion, case ${c}`,
      `Revise ${levels[(c + 1) % 5]}?`,
      patient,
      at,
      at,
    );
    for (let s = 0; s < STUDIES_PER_CASE; s++) {
      const study = Number(
        insertStudy.run(patient, `2.25.${c}.${s}`, '2025-06-01', `LUMBAR SPINE ${s}`, at).lastInsertRowid,
      );
      link.run(c, study, at);
      for (let se = 0; se < SERIES_PER_STUDY; se++) {
        const series = Number(
          insertSeries.run(study, `2.25.${c}.${s}.${se}`, modalities[se], se + 1, `SERIES ${se}`, 'axial', at)
            .lastInsertRowid,
        );
        for (let i = 0; i < INSTANCES_PER_SERIES; i++) {
          instance++;
          const sha = instance.toString(16).padStart(64, '0');
          insertInstance.run(
            series,
            `2.25.${c}.${s}.${se}.${i}`,
            i + 1,
            `objects/${sha.slice(0, 2)}/${sha}.dcm`,
            sha,
            at,
          );
        }
      }
    }
  }
})();
db.transaction(() => {
  for (let c = 1; c <= CASES; c++) refreshCaseSearch(db, c);
})();
const seedSeconds = (performance.now() - t0) / 1000;

const figures = {
  cases: CASES,
  instances: (db.prepare('SELECT count(*) AS n FROM instances').get() as { n: number }).n,
  seedSeconds: Math.round(seedSeconds * 10) / 10,
  searchByMrnMs: time(() => listCases(db, { query: 'MRN-104711' })),
  searchByNameMs: time(() => listCases(db, { query: 'patient4711' })),
  searchByLevelMs: time(() => listCases(db, { query: 'L5-S1 fusion' })),
  searchByStudyDescriptionMs: time(() => listCases(db, { query: 'LUMBAR SPINE 1 MRN-1047' })),
  listAllActiveMs: time(() => listCases(db, {})),
  caseStudyTreeMs: time(() => caseStudyTree(db, 4711).flatMap((p) => p.studies)),
  goalMs: 50,
};
db.close();
rmSync(dir, { recursive: true, force: true });
for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(30)} ${v}`);
console.log(JSON.stringify(figures));
