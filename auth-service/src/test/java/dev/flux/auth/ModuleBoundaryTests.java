package dev.flux.auth;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import dev.flux.testsupport.FeatureBoundaries;

@AnalyzeClasses(packages = "dev.flux.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundaryTests {

	@ArchTest
	static final ArchRule featuresMeetOnlyAtTheirApi = FeatureBoundaries.featuresMeetOnlyAtTheirApi("dev.flux.auth");

	@ArchTest
	static final ArchRule domainCodeIsFreeOfWebTypes = FeatureBoundaries.domainCodeIsFreeOfWebTypes("dev.flux.auth");

}
