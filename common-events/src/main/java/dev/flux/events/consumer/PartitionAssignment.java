package dev.flux.events.consumer;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Which partitions an instance owns, the same on every instance that sees the same live
 * members: partition {@code p} belongs to the {@code p mod N}-th of the N members sorted
 * by id. Each member gets the floor or the ceiling of partitions / N; members beyond the
 * number of partitions own none and stand by.
 *
 * @param members the live members, sorted by id
 * @param self this instance's id
 * @param partitions the number of partitions
 */
record PartitionAssignment(List<String> members, String self, int partitions) {

	PartitionAssignment {
		members = List.copyOf(members);
	}

	/** Before this instance is a member: it owns nothing. */
	static PartitionAssignment none(String self, int partitions) {
		return new PartitionAssignment(List.of(), self, partitions);
	}

	boolean owns(int partition) {
		int index = this.members.indexOf(this.self);
		return index >= 0 && partition % this.members.size() == index;
	}

	/** The partitions this instance owns, in order. */
	List<Integer> owned() {
		return IntStream.range(0, this.partitions).filter(this::owns).boxed().toList();
	}

}
