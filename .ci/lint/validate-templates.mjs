// Validates every element template in .camunda/element-templates/ against the Camunda 7 element
// templates JSON schema (@camunda/element-templates-json-schema), as the Camunda Modeler does when
// it loads them: a template it would refuse fails CI here instead of vanishing from the Modeler.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateAll } from '@bpmn-io/element-templates-validator';

const folder = process.argv[2] || '.camunda/element-templates';
const files = readdirSync(folder).filter(name => name.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`no element templates in ${folder}`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  const content = JSON.parse(readFileSync(join(folder, file), 'utf8'));
  const templates = Array.isArray(content) ? content : [ content ];
  const { valid, results } = validateAll(templates);
  for (const result of results) {
    for (const error of result.errors || []) {
      console.error(`${file}: ${result.object.id || '(no id)'}: ${error.message} at ${error.dataPath || '/'}`);
    }
  }
  if (!valid) {
    failed++;
  }
  console.log(`${file}: ${valid ? 'valid' : 'INVALID'} (${templates.map(t => t.id + ' v' + t.version).join(', ')})`);
}
process.exit(failed ? 1 : 0);
