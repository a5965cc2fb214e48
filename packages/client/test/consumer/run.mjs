// Runs the hub code against the Herald the test started and prints what it got, as JSON.
import { runHub } from './hub.ts';

const result = await runHub(process.env.HERALD_URL, process.env.HERALD_API_KEY);
process.stdout.write(`${JSON.stringify(result)}\n`);
