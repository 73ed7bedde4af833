package org.childjourneys.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Features (child, authority, synthetic...) do not reach into each other; they share only the
 * infrastructure packages (neo4j, dataset, disclosure, identifiers, security, secrets, graphql) and
 * public service APIs.
 */
@AnalyzeClasses(
    packages = "org.childjourneys",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String[] SHARED = {
    "org.childjourneys.neo4j..",
    "org.childjourneys.dataset..",
    "org.childjourneys.disclosure..",
    "org.childjourneys.identifiers..",
    "org.childjourneys.linkage..",
    "org.childjourneys.security..",
    "org.childjourneys.secrets..",
    "org.childjourneys.graphql..",
  };

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      slices().matching("org.childjourneys.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule featuresDoNotDependOnOtherFeatures =
      slices()
          .matching("org.childjourneys.(*)..")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(
              com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
              com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(SHARED))
          .ignoreDependency(
              com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                  "org.childjourneys"),
              com.tngtech.archunit.base.DescribedPredicate.alwaysTrue());

  @ArchTest
  static final ArchRule sharedInfrastructureKnowsNoFeature =
      noClasses()
          .that()
          .resideInAnyPackage(SHARED)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.childjourneys.child..",
              "org.childjourneys.authority..",
              "org.childjourneys.synthetic..",
              "org.childjourneys.schema..",
              "org.childjourneys.analytics..",
              "org.childjourneys.chronology..",
              "org.childjourneys.involvement..",
              "org.childjourneys.ingest..");

  @ArchTest
  static final ArchRule controllersOnlyTalkToServices =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("Controller")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.neo4j.driver..", "org.springframework.data.neo4j..");

  @ArchTest
  static final ArchRule readServicesAreTransactional =
      classes()
          .that()
          .haveSimpleNameEndingWith("Service")
          .and()
          .resideOutsideOfPackage("org.childjourneys")
          .should()
          .beAnnotatedWith(org.springframework.stereotype.Service.class);
}
