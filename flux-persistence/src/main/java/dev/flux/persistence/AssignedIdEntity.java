package dev.flux.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the application assigns before saving (a random UUID, a user's id).
 * Spring Data cannot tell such an entity is new from its id, so without this a
 * {@code save()} merges: one {@code SELECT} before every {@code INSERT}. An instance is
 * new from construction until JPA stores or loads it.
 * <p>
 * A subclass maps its own {@code @Id} field and implements {@link #getId()}; it calls
 * {@link #markStored()} only for an instance it builds from a row read outside JPA.
 *
 * @param <ID> the type of the id
 */
@MappedSuperclass
public abstract class AssignedIdEntity<ID> implements Persistable<ID> {

	@Transient
	private boolean fresh = true;

	@Override
	public abstract ID getId();

	/**
	 * Whether the next {@code save()} inserts: true until the entity is stored or loaded.
	 */
	@Override
	public boolean isNew() {
		return this.fresh;
	}

	/**
	 * Marks the entity as a stored row: JPA calls this after loading and after
	 * persisting.
	 */
	@PostLoad
	@PostPersist
	protected void markStored() {
		this.fresh = false;
	}

}
