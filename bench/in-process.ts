// In-process benchmarks (pure domain throughput), run after the HTTP scenarios.
import { measureMmeThroughput } from './mme-throughput.ts';

export interface InProcessResult {
  readonly name: string;
  readonly figure: string;
  readonly target?: string;
  readonly met?: boolean;
}

export async function runInProcessBenchmarks(): Promise<InProcessResult[]> {
  const mme = await measureMmeThroughput();
  return [
    {
      name: `MME + all safety flags, ${mme.items}-item regimens`,
      figure: `${Math.round(mme.regimensPerSecond).toLocaleString('en-US')} regimens/s`,
      target: '≥ 100,000 regimens/s',
      met: mme.regimensPerSecond >= 100_000,
    },
  ];
}
