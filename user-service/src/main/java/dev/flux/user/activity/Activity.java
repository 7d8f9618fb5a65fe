package dev.flux.user.activity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import dev.flux.persistence.AssignedIdEntity;

/** Something a user is doing: playing, listening to or watching something. */
@Entity
@Table(name = "user_activities")
public class Activity extends AssignedIdEntity<UUID> {

	@Id
	private UUID id;

	@Column(name = "user_id")
	private UUID userId;

	@Column(name = "activity")
	private String type;

	private String name;

	private @Nullable String details;

	private @Nullable String state;

	@Column(name = "start_time")
	private Instant startTime;

	@Column(name = "end_time")
	private @Nullable Instant endTime;

	protected Activity() {
		this.id = new UUID(0, 0);
		this.userId = this.id;
		this.type = "";
		this.name = "";
		this.startTime = Instant.EPOCH;
	}

	public Activity(UUID userId, ActivityView.Draft draft, Instant startTime) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.type = draft.type();
		this.name = draft.name();
		this.details = draft.details();
		this.state = draft.state();
		this.startTime = startTime;
		this.endTime = draft.endsAt();
	}

	/** An activity read by SQL for display only; never saved. */
	public static Activity detached(UUID userId, ActivityView view) {
		Activity activity = new Activity(userId, new ActivityView.Draft(view.type(), view.name(), view.details(),
				view.state(), view.startedAt(), view.endsAt()), view.startedAt());
		activity.id = view.id();
		activity.markStored();
		return activity;
	}

	public ActivityView view() {
		return new ActivityView(this.id, this.type, this.name, this.details, this.state, this.startTime, this.endTime);
	}

	public UUID id() {
		return this.id;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

}
