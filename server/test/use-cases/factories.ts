import type { CreateUseCaseBody, UseCase } from '@p2p/contracts';
import type { TestClient } from '../helpers/app.js';

let sequence = 0;

/** A complete, valid use case body; override what a test is about. */
export function caseBody(overrides: Partial<CreateUseCaseBody> = {}): CreateUseCaseBody {
  sequence += 1;
  return {
    title: `Packaging line automation ${sequence}`,
    summary: 'A palletising cell with a PLC and vision inspection replaced two manual stations.',
    challenge: 'Manual palletising limited the line to **12 cartons a minute**.',
    solution: 'A robot cell with a Siemens S7 PLC and a vision check on every carton.',
    results: '- Throughput up 35 %\n- Two injuries a year to none',
    category: 'automation',
    industry: 'food_beverage',
    technologies: ['PLC', 'Machine vision'],
    tags: ['packaging'],
    outcomes: { roiPercent: 40, paybackMonths: 18, investmentSar: 850_000, annualSavingsSar: 420_000 },
    implementationMonths: 6,
    vendors: ['Siemens'],
    city: 'jubail',
    visibility: 'public',
    publish: true,
    ...overrides,
  };
}

/** Writes a case through the API and returns it; fails loudly when refused. */
export async function writeCase(client: TestClient, overrides: Partial<CreateUseCaseBody> = {}): Promise<UseCase> {
  const response = await client.post('/api/v1/use-cases', caseBody(overrides));
  if (response.statusCode !== 201) throw new Error(`use case failed: ${response.statusCode} ${response.body}`);
  return response.json() as UseCase;
}
