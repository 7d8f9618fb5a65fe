package dev.flux.events.consumer;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every instance derives the same owner of each partition from the same live members, and
 * the partitions are spread as evenly as they can be.
 */
class PartitionAssignmentTests {

	@Test
	void twoMembersOwnTwoPartitionsEach() {
		List<String> members = List.of("a", "b");
		assertThat(new PartitionAssignment(members, "a", 4).owned()).containsExactly(0, 2);
		assertThat(new PartitionAssignment(members, "b", 4).owned()).containsExactly(1, 3);
	}

	@Test
	void everyPartitionHasExactlyOneOwnerAndSharesDifferByAtMostOne() {
		for (int size = 1; size <= 7; size++) {
			List<String> members = IntStream.range(0, size).mapToObj((i) -> "instance-" + i).toList();
			List<Integer> shares = members.stream()
				.map((member) -> new PartitionAssignment(members, member, 4).owned().size())
				.toList();
			assertThat(shares.stream().mapToInt(Integer::intValue).sum()).as("partitions owned with %d members", size)
				.isEqualTo(4);
			assertThat(shares.stream().mapToInt(Integer::intValue).max().getAsInt()
					- shares.stream().mapToInt(Integer::intValue).min().getAsInt())
				.as("spread of the shares with %d members", size)
				.isLessThanOrEqualTo(1);
		}
	}

	@Test
	void membersBeyondThePartitionsStandBy() {
		List<String> members = List.of("a", "b", "c", "d", "e");
		assertThat(new PartitionAssignment(members, "e", 4).owned()).isEmpty();
		assertThat(new PartitionAssignment(members, "a", 4).owned()).containsExactly(0);
	}

	@Test
	void anInstanceThatIsNotAMemberOwnsNothing() {
		assertThat(PartitionAssignment.none("a", 4).owned()).isEmpty();
		assertThat(new PartitionAssignment(List.of("b", "c"), "a", 4).owned()).isEmpty();
	}

}
