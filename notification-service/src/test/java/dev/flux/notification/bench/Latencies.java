package dev.flux.notification.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies recorded from many threads into 10 µs buckets up to 10 s (the last bucket
 * holds everything slower), so a million deliveries cost 8 MB and no sorting.
 */
final class Latencies {

	private static final long BUCKET_NANOS = 10_000;

	private final AtomicLongArray buckets = new AtomicLongArray(1_000_001);

	private final AtomicLong count = new AtomicLong();

	void record(long nanos) {
		int bucket = (int) Math.min(this.buckets.length() - 1, Math.max(0, nanos) / BUCKET_NANOS);
		this.buckets.incrementAndGet(bucket);
		this.count.incrementAndGet();
	}

	void addAll(Latencies other) {
		for (int i = 0; i < this.buckets.length(); i++) {
			long n = other.buckets.get(i);
			if (n > 0) {
				this.buckets.addAndGet(i, n);
			}
		}
		this.count.addAndGet(other.count.get());
	}

	long count() {
		return this.count.get();
	}

	/**
	 * The p-th percentile in milliseconds (the upper edge of its bucket), NaN when empty.
	 */
	double percentileMs(double p) {
		long n = this.count.get();
		if (n == 0) {
			return Double.NaN;
		}
		long rank = Math.max(1, (long) Math.ceil(p * n));
		long seen = 0;
		for (int i = 0; i < this.buckets.length(); i++) {
			seen += this.buckets.get(i);
			if (seen >= rank) {
				return (i + 1) * BUCKET_NANOS / 1e6;
			}
		}
		return (this.buckets.length()) * BUCKET_NANOS / 1e6;
	}

}
