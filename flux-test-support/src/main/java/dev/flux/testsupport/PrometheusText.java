package dev.flux.testsupport;

import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a Prometheus text exposition, as a scrape of {@code /actuator/prometheus} returns
 * it.
 */
public final class PrometheusText {

	private PrometheusText() {
	}

	/**
	 * The names of the samples in a scrape ({@code flux_outbox_pending},
	 * {@code http_server_requests_seconds_bucket}, ...), without labels or values.
	 */
	public static Set<String> names(String scrape) {
		Set<String> names = new TreeSet<>();
		for (String line : scrape.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int end = 0;
			while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
				end++;
			}
			names.add(line.substring(0, end));
		}
		return names;
	}

}
