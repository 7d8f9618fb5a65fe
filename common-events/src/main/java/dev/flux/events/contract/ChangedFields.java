package dev.flux.events.contract;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Checks the {@code changedFields} of an update event and puts them in a stable order.
 */
final class ChangedFields {

	private ChangedFields() {
	}

	static SortedSet<String> of(Set<String> changedFields, Set<String> allowed) {
		Objects.requireNonNull(changedFields, "changedFields is required");
		SortedSet<String> sorted = new TreeSet<>(changedFields);
		if (sorted.isEmpty()) {
			throw new IllegalArgumentException("changedFields must name at least one of " + new TreeSet<>(allowed));
		}
		SortedSet<String> unknown = new TreeSet<>(sorted);
		unknown.removeAll(allowed);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("changedFields " + unknown + " are not among " + new TreeSet<>(allowed));
		}
		return Collections.unmodifiableSortedSet(sorted);
	}

}
