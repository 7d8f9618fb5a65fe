package dev.flux.events.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.flux.events.EventType;

/**
 * The immutable registry of payload classes a service produces or consumes, keyed by
 * their {@link EventType} type and version.
 */
public final class EventCatalog {

	static final Pattern TYPE_NAME = Pattern.compile("^[a-z][a-zA-Z0-9_-]*(\\.[a-z][a-zA-Z0-9_-]*)+$");

	private static final EventCatalog STANDARD = of(UserCreated.class, UserUpdated.class, UserDeleted.class,
			VerificationRequested.class, PasswordResetRequested.class, PasswordChanged.class, EmailChanged.class,
			EmailConflict.class, ProfileUpdated.class, PresenceUpdated.class, ServerCreated.class, ServerUpdated.class,
			ServerDeleted.class, MemberJoined.class, MemberLeft.class, MemberUpdated.class, ChannelCreated.class,
			ChannelUpdated.class, ChannelDeleted.class, RoleCreated.class, RoleUpdated.class, RoleDeleted.class,
			MessageSent.class, MessageEdited.class, MessageDeleted.class, TypingStarted.class, PrivacyUpdated.class,
			RelationshipRequested.class, RelationshipAccepted.class, RelationshipRemoved.class,
			RelationshipBlocked.class, RelationshipUnblocked.class, DmCreated.class, DmUpdated.class, DmDeleted.class,
			ReactionAdded.class, ReactionRemoved.class, MessagePinned.class, MessageUnpinned.class,
			ReadStateUpdated.class);

	private final Map<String, Map<Integer, Class<?>>> classesByType;

	private final Map<Class<?>, EventType> typesByClass;

	private EventCatalog(Map<String, Map<Integer, Class<?>>> classesByType, Map<Class<?>, EventType> typesByClass) {
		this.classesByType = classesByType;
		this.typesByClass = typesByClass;
	}

	/**
	 * The events every Flux service shares: the account events of auth-service
	 * ({@code user.*}), {@code profile.updated}, {@code profile.privacy_updated},
	 * {@code presence.updated}, and the chat's {@code server.*}, {@code channel.*},
	 * {@code role.*}, {@code message.*}, {@code relationship.*}, {@code dm.*} and
	 * {@code read_state.updated}.
	 */
	public static EventCatalog standard() {
		return STANDARD;
	}

	/**
	 * A catalog of the given payload classes.
	 * @throws IllegalArgumentException if a class has no {@link EventType}, its type is
	 * not {@code {entity}.{action}}, its version is below 1, or two classes claim one
	 * type and version
	 */
	public static EventCatalog of(Class<?>... payloadTypes) {
		Map<String, Map<Integer, Class<?>>> classesByType = new TreeMap<>();
		Map<Class<?>, EventType> typesByClass = new LinkedHashMap<>();
		for (Class<?> payloadType : payloadTypes) {
			EventType eventType = annotation(payloadType);
			if (!TYPE_NAME.matcher(eventType.value()).matches()) {
				throw new IllegalArgumentException("Event type '" + eventType.value() + "' of " + payloadType.getName()
						+ " is not of the form {entity}.{action}");
			}
			if (eventType.version() < 1) {
				throw new IllegalArgumentException(
						"Event version " + eventType.version() + " of " + payloadType.getName() + " is below 1");
			}
			Class<?> previous = classesByType.computeIfAbsent(eventType.value(), (type) -> new TreeMap<>())
				.putIfAbsent(eventType.version(), payloadType);
			if (previous != null && previous != payloadType) {
				throw new IllegalArgumentException(previous.getName() + " and " + payloadType.getName() + " both claim "
						+ eventType.value() + " v" + eventType.version());
			}
			typesByClass.put(payloadType, eventType);
		}
		classesByType.replaceAll((type, versions) -> Collections.unmodifiableMap(versions));
		return new EventCatalog(Collections.unmodifiableMap(classesByType), Collections.unmodifiableMap(typesByClass));
	}

	/**
	 * The payload class of the given type and version.
	 * @throws UnknownEventTypeException if the catalog holds no such type or version
	 */
	public Class<?> payloadClass(String type, int version) {
		Map<Integer, Class<?>> versions = this.classesByType.get(type);
		if (versions == null) {
			throw new UnknownEventTypeException(type, version,
					"Unknown event type '" + type + "' (known: " + types() + ")");
		}
		Class<?> payloadClass = versions.get(version);
		if (payloadClass == null) {
			throw new UnknownEventTypeException(type, version,
					"Unknown version " + version + " of event type '" + type + "' (known: " + versions.keySet() + ")");
		}
		return payloadClass;
	}

	/**
	 * The {@link EventType} of a registered payload class.
	 * @throws IllegalArgumentException if the class has no {@link EventType} or is not in
	 * this catalog
	 */
	public EventType typeOf(Class<?> payloadClass) {
		EventType eventType = this.typesByClass.get(payloadClass);
		if (eventType == null) {
			EventType annotated = annotation(payloadClass);
			throw new IllegalArgumentException(payloadClass.getName() + " (" + annotated.value() + " v"
					+ annotated.version() + ") is not registered in this event catalog");
		}
		return eventType;
	}

	/** The registered event types, in alphabetical order. */
	public Set<String> types() {
		return this.classesByType.keySet();
	}

	/** The registered payload classes, in registration order. */
	public Set<Class<?>> payloadClasses() {
		return this.typesByClass.keySet();
	}

	private static EventType annotation(Class<?> payloadClass) {
		EventType eventType = payloadClass.getAnnotation(EventType.class);
		if (eventType == null) {
			throw new IllegalArgumentException(
					payloadClass.getName() + " is not an event payload: it has no @" + EventType.class.getSimpleName());
		}
		return eventType;
	}

	@Override
	public String toString() {
		return "EventCatalog" + new TreeSet<>(this.typesByClass.values()
			.stream()
			.map((eventType) -> eventType.value() + " v" + eventType.version())
			.toList());
	}

}
