package dev.flux.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jspecify.annotations.Nullable;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries every service keeps, as ArchUnit rules over its main classes. A
 * feature is a package right below the service's root ({@code dev.flux.auth.session});
 * its API is the public types of that package, and its sub-packages ({@code web}) are its
 * own.
 */
public final class FeatureBoundaries {

	/**
	 * Types of HTTP requests, responses and problem details: any {@code web} package (the
	 * service's, flux-web, Spring MVC's), the HTTP and servlet APIs; not WebSocket, the
	 * gateway's transport, nor Spring's text utilities (HTML escaping).
	 */
	private static final DescribedPredicate<JavaClass> HTTP_TYPES = resideInAnyPackage("..web..",
			"org.springframework.http..", "jakarta.servlet..")
		.and(not(resideInAnyPackage("org.springframework.web.socket..", "org.springframework.web.util..")))
		.as("HTTP types");

	private static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe("domain code",
			FeatureBoundaries::isDomain);

	private FeatureBoundaries() {
	}

	/**
	 * Features use each other only through the types of each other's top-level package,
	 * never through a sub-package such as {@code web}.
	 * @param root the service's root package, {@code dev.flux.auth}
	 */
	public static ArchRule featuresMeetOnlyAtTheirApi(String root) {
		return classes().that()
			.resideInAPackage(root + "..")
			.should(new ArchCondition<>("use other features only through their top-level package") {

				@Override
				public void check(JavaClass origin, ConditionEvents events) {
					String from = feature(root, origin.getPackageName());
					for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
						String target = dependency.getTargetClass().getPackageName();
						String to = feature(root, target);
						if (to != null && !to.equals(from) && !target.equals(root + "." + to)) {
							events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
						}
					}
				}

			})
			.because("a feature's sub-packages are its own; other features see its API");
	}

	/**
	 * Domain code, everything but the web layer (packages named {@code web}, controllers,
	 * controller advice, configuration and adapters of web types such as filters), uses
	 * no HTTP types: it throws domain exceptions that the web layer maps to problem
	 * details.
	 * @param root the service's root package, {@code dev.flux.auth}
	 */
	public static ArchRule domainCodeIsFreeOfWebTypes(String root) {
		return noClasses().that()
			.resideInAPackage(root + "..")
			.and(DOMAIN)
			.should()
			.dependOnClassesThat(HTTP_TYPES)
			.because("domain code says what went wrong; only the web layer knows HTTP");
	}

	private static boolean isDomain(JavaClass type) {
		boolean web = isWeb(type.getPackageName())
				|| type.isMetaAnnotatedWith("org.springframework.context.annotation.Configuration")
				|| type.isMetaAnnotatedWith("org.springframework.stereotype.Controller")
				|| type.isMetaAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
				|| type.getAllRawSuperclasses().stream().anyMatch((supertype) -> isWeb(supertype.getPackageName()))
				|| type.getAllRawInterfaces().stream().anyMatch((supertype) -> isWeb(supertype.getPackageName()));
		return !web && type.getEnclosingClass().map(FeatureBoundaries::isDomain).orElse(true);
	}

	/**
	 * Whether a package is web code: a {@code web} package anywhere (the service's,
	 * Spring MVC's, Spring Security's), or the HTTP and servlet APIs. A class
	 * implementing one of their types adapts them (a filter, a handler) and is web code
	 * too.
	 */
	private static boolean isWeb(String packageName) {
		return packageName.endsWith(".web") || packageName.contains(".web.")
				|| packageName.startsWith("org.springframework.http") || packageName.startsWith("jakarta.servlet");
	}

	private static @Nullable String feature(String root, String packageName) {
		if (!packageName.startsWith(root + ".")) {
			return null;
		}
		String rest = packageName.substring(root.length() + 1);
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

}
