// The request-duration histogram, kept by hand rather than by prom-client's Histogram: recording a
// request is a map lookup and a few additions (about a tenth of prom-client's cost per observation,
// which hashes its label object each time), and the figures are handed to prom-client in its JSON form,
// which its aggregator sums over threads and renders like any of its own metrics.

/** A metric in prom-client's JSON form: what `Registry.getMetricsAsJSON` gives and `AggregatorRegistry.aggregate` takes. */
export interface MetricJson {
  readonly name: string;
  readonly help: string;
  readonly type: string;
  readonly aggregator: string;
  readonly values: readonly {
    readonly labels: Readonly<Record<string, string | number>>;
    readonly value: number;
    readonly metricName?: string;
  }[];
}

interface Series {
  readonly labels: Readonly<Record<string, string>>;
  /** Observations per bucket (not cumulative); the last is above every bound. */
  readonly buckets: Float64Array;
  sum: number;
  count: number;
}

export interface RequestHistogram {
  observe(method: string, route: string, statusClass: string, seconds: number): void;
  /** prom-client's JSON form of a histogram, cumulative buckets with `le`, then `_sum` and `_count`. */
  toJSON(): MetricJson;
}

export function requestHistogram(name: string, help: string, bounds: readonly number[]): RequestHistogram {
  // Keyed route → method → status class: those strings come from the route table, the HTTP parser and a
  // constant list, so their hashes are already computed and no key string is built per request.
  const series = new Map<string, Map<string, Map<string, Series>>>();
  const all: Series[] = [];
  const les = [...bounds.map(String), '+Inf'];
  return {
    observe(method, route, statusClass, seconds) {
      let byMethod = series.get(route);
      if (!byMethod) series.set(route, (byMethod = new Map()));
      let byStatus = byMethod.get(method);
      if (!byStatus) byMethod.set(method, (byStatus = new Map()));
      let s = byStatus.get(statusClass);
      if (!s) {
        s = { labels: { method, route, status_class: statusClass }, buckets: new Float64Array(bounds.length + 1), sum: 0, count: 0 };
        byStatus.set(statusClass, s);
        all.push(s);
      }
      let i = 0;
      while (i < bounds.length && seconds > bounds[i]!) i++;
      s.buckets[i]! += 1;
      s.sum += seconds;
      s.count += 1;
    },
    toJSON() {
      const values: MetricJson['values'][number][] = [];
      for (const s of all) {
        let cumulative = 0;
        for (let i = 0; i < les.length; i++) {
          cumulative += s.buckets[i]!;
          values.push({ labels: { le: les[i]!, ...s.labels }, value: cumulative, metricName: `${name}_bucket` });
        }
        values.push({ labels: { ...s.labels }, value: s.sum, metricName: `${name}_sum` });
        values.push({ labels: { ...s.labels }, value: s.count, metricName: `${name}_count` });
      }
      return { name, help, type: 'histogram', values, aggregator: 'sum' };
    },
  };
}
