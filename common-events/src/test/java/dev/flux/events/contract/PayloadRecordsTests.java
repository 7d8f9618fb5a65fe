package dev.flux.events.contract;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class PayloadRecordsTests {

	@Test
	void userUpdatedNeedsAtLeastOneChangedField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UserUpdated(ContractSamples.USER_ID, Set.of(), "ada", "ada@example.com", true))
			.withMessageContaining("at least one of [email, emailVerified, username]");
	}

	@Test
	void userUpdatedNamesOnlyItsOwnFields() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UserUpdated(ContractSamples.USER_ID, Set.of("email", "password"), "ada",
					"ada@example.com", true))
			.withMessageContaining("[password]");
	}

	@Test
	void profileUpdatedNeedsAtLeastOneChangedField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ProfileUpdated(ContractSamples.USER_ID, Set.of(), null, null, null, null));
	}

	@Test
	void profileUpdatedNamesOnlyItsOwnFields() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ProfileUpdated(ContractSamples.USER_ID, Set.of("username"), null, null, null, null))
			.withMessageContaining("[username]");
	}

	@Test
	void profileUpdatedOfTheFirstFieldsLeavesCustomStatusAndActivitiesUnknown() {
		ProfileUpdated updated = new ProfileUpdated(ContractSamples.USER_ID, Set.of("bio"), null, null, "hi", null);

		assertThat(updated.customStatus()).isNull();
		assertThat(updated.activities()).isNull();
	}

	@Test
	void profileUpdatedNamesCustomStatusAndActivitiesAsChangedFields() {
		ProfileUpdated updated = new ProfileUpdated(ContractSamples.USER_ID, Set.of("activities", "customStatus"), null,
				null, null, "online", null, List.of());

		assertThat(updated.changedFields()).containsExactly("activities", "customStatus");
		assertThat(updated.activities()).isEmpty();
	}

	@Test
	void changedFieldsAreImmutableAndOrdered() {
		ProfileUpdated updated = new ProfileUpdated(ContractSamples.USER_ID, Set.of("status", "bio"), null, null, "hi",
				"online");

		assertThat(updated.changedFields()).containsExactly("bio", "status").isEqualTo(Set.of("status", "bio"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> updated.changedFields().add("displayName"));
	}

	@Test
	void rejectsNullWhereTheContractDoesNotAllowIt() {
		assertThatNullPointerException().isThrownBy(() -> new UserCreated(null, "ada", "ada@example.com", false))
			.withMessage("userId is required");
		assertThatNullPointerException().isThrownBy(() -> new UserCreated(ContractSamples.USER_ID, "ada", null, false))
			.withMessage("email is required");
		assertThatNullPointerException().isThrownBy(() -> new UserDeleted(null));
		assertThatNullPointerException()
			.isThrownBy(() -> new ProfileUpdated(ContractSamples.USER_ID, null, null, null, null, null));
	}

}
