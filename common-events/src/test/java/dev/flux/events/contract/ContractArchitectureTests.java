package dev.flux.events.contract;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.flux.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractArchitectureTests {

	@ArchTest
	static final ArchRule contractsStayFreeOfSpring = noClasses().that()
		.resideInAnyPackage("dev.flux.events", "dev.flux.events.contract", "dev.flux.events.permission")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..")
		.because("services share the event contracts whatever framework they run on");

}
