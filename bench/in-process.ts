// In-process benchmarks (pure domain throughput), run after the HTTP scenarios.
export interface InProcessResult {
  readonly name: string;
  readonly figure: string;
  readonly target?: string;
  readonly met?: boolean;
}

export async function runInProcessBenchmarks(): Promise<InProcessResult[]> {
  return [];
}
