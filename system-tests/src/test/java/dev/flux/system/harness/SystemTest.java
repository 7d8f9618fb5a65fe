package dev.flux.system.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A test class that runs against the whole deployment: it gets the {@link FluxSystem} as
 * a parameter. The system is started by the first such class and stopped after the last
 * test of the run, so every scenario and fault runs on the same processes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("system")
@ExtendWith(SystemTest.Extension.class)
public @interface SystemTest {

	/**
	 * Resolves {@link FluxSystem} parameters from one instance kept in the root store.
	 */
	final class Extension implements ParameterResolver {

		private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FluxSystem.class);

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == FluxSystem.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return context.getRoot()
				.getStore(NAMESPACE)
				.computeIfAbsent(Attempt.class, (key) -> Attempt.start(), Attempt.class)
				.system();
		}

	}

	/**
	 * The one start of the system: a start that failed fails every later class at once
	 * with the same cause, instead of trying again for minutes.
	 */
	record Attempt(@Nullable FluxSystem started, @Nullable RuntimeException failure) implements AutoCloseable {

		static Attempt start() {
			try {
				return new Attempt(FluxSystem.start(), null);
			}
			catch (RuntimeException ex) {
				return new Attempt(null, ex);
			}
			catch (AssertionError ex) {
				return new Attempt(null, new IllegalStateException(ex.getMessage(), ex));
			}
		}

		FluxSystem system() {
			if (this.started == null) {
				throw new IllegalStateException("The system did not start", this.failure);
			}
			return this.started;
		}

		@Override
		public void close() {
			if (this.started != null) {
				this.started.close();
			}
		}

	}

}
