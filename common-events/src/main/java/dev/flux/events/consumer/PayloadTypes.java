package dev.flux.events.consumer;

import org.springframework.core.GenericTypeResolver;

/** Resolves an {@link EventHandler}'s payload type once per handler class. */
final class PayloadTypes {

	private static final ClassValue<Class<?>> RESOLVED = new ClassValue<>() {

		@Override
		protected Class<?> computeValue(Class<?> handlerClass) {
			Class<?> type = GenericTypeResolver.resolveTypeArgument(handlerClass, EventHandler.class);
			if (type == null) {
				throw new IllegalStateException(handlerClass.getName()
						+ " does not name its payload type: declare it as a class implementing EventHandler<Payload>");
			}
			return type;
		}

	};

	private PayloadTypes() {
	}

	@SuppressWarnings("unchecked")
	static <P> Class<P> of(EventHandler<P> handler) {
		return (Class<P>) RESOLVED.get(handler.getClass());
	}

}
