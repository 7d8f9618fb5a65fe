package dev.flux.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import dev.flux.testsupport.boundaries.alpha.Alpha;
import dev.flux.testsupport.boundaries.alpha.web.AlphaForm;
import dev.flux.testsupport.boundaries.beta.Beta;
import dev.flux.testsupport.boundaries.gamma.Gamma;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureBoundariesTests {

	private static final String ROOT = "dev.flux.testsupport.boundaries";

	@Test
	void refusesAFeatureReachingIntoAnotherFeaturesWebPackage() {
		JavaClasses classes = new ClassFileImporter().importClasses(Alpha.class, AlphaForm.class, Beta.class);
		assertThat(FeatureBoundaries.featuresMeetOnlyAtTheirApi(ROOT).evaluate(classes).getFailureReport().getDetails())
			.singleElement()
			.asString()
			.contains(Beta.class.getName(), AlphaForm.class.getName());
	}

	@Test
	void refusesDomainCodeThatUsesWebTypes() {
		JavaClasses classes = new ClassFileImporter().importClasses(Alpha.class, AlphaForm.class, Beta.class);
		assertThat(FeatureBoundaries.domainCodeIsFreeOfWebTypes(ROOT).evaluate(classes).hasViolation()).isTrue();
	}

	@Test
	void letsFeaturesUseEachOthersApiAndWebCodeUseItsOwnFeature() {
		JavaClasses classes = new ClassFileImporter().importClasses(Alpha.class, AlphaForm.class, Gamma.class);
		assertThat(FeatureBoundaries.featuresMeetOnlyAtTheirApi(ROOT).evaluate(classes).hasViolation()).isFalse();
		assertThat(FeatureBoundaries.domainCodeIsFreeOfWebTypes(ROOT).evaluate(classes).hasViolation()).isFalse();
	}

}
