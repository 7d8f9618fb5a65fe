package dev.flux.auth.throttle;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import dev.flux.auth.AuthProperties;

/**
 * Limits how often one email address is tried for a registration or an email change, and
 * how often one account asks for an email change, whichever client asks: the per-client
 * limit alone lets a spread-out attacker probe addresses (Bucket4j token buckets in a
 * bounded map, per instance, like the per-client limit).
 */
@Component
public class AddressAttempts {

	private final Cache<String, Bucket> buckets;

	private final AuthProperties.Enumeration limits;

	AddressAttempts(AuthProperties properties) {
		this.limits = properties.enumeration();
		this.buckets = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterAccess(this.limits.window().plusMinutes(1))
			.build();
	}

	/**
	 * Counts an attempt at what the key names ({@code register:<address>},
	 * {@code account:<id>}...).
	 * @throws TooManyAttempts past the limit
	 */
	public void attempt(String key) {
		ConsumptionProbe probe = this.buckets.get(key, (ignored) -> newBucket()).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyAttempts(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.limits.perAddress())
				.refillGreedy(this.limits.perAddress(), this.limits.window())
				.build())
			.build();
	}

}
